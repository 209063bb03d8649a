import { embeddedText } from './catalog-index.ts';
import type { ReindexReport } from './registry-port.ts';
import type { Embedder } from './search/index.ts';
import type { ToolStore } from './store/index.ts';

/** Tools embedded per call; the provider embedder splits further to its own batch limit. */
const TOOLS_PER_CALL = 96;

/**
 * Writes a fresh vector from `embedder` for every current tool, batch by batch; each tool's write
 * is its own transaction, so an interrupted reindex keeps what it finished and a rerun completes it.
 */
export async function reindexTools(options: {
  store: ToolStore;
  embedder: Embedder;
  /** Only the tools with no vector from `embedder` yet (a library made before it existed). */
  missingOnly?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}): Promise<ReindexReport> {
  const { store, embedder, signal, onProgress } = options;
  const started = performance.now();
  const missing = await store.embeddingsMissing({ embedderId: embedder.id });
  const missingBefore = missing.length;
  const wanted = new Set(missing);
  const tools = (await store.list()).filter((tool) => options.missingOnly !== true || wanted.has(tool.name));
  onProgress?.({ done: 0, total: tools.length });
  for (let start = 0; start < tools.length; start += TOOLS_PER_CALL) {
    signal?.throwIfAborted();
    const batch = tools.slice(start, start + TOOLS_PER_CALL);
    const vectors = await embedder.embed({ texts: batch.map(embeddedText), ...(signal ? { signal } : {}) });
    for (const [i, tool] of batch.entries()) {
      const vector = vectors[i];
      if (vector === undefined) continue;
      await store.setEmbeddings({ name: tool.name, embeddings: [{ embedderId: embedder.id, vector: Array.from(vector) }] });
    }
    onProgress?.({ done: start + batch.length, total: tools.length });
  }
  return { embedderId: embedder.id, embedded: tools.length, missingBefore, durationMs: performance.now() - started };
}
