import { createMemorySearchIndex, type MemorySearchIndex, type WordVectorEmbedder } from './search/index.ts';
import { createWordCoverage, type WordCoverage } from './word-coverage.ts';

export interface CatalogTool {
  name: string;
  version: string;
  description: string;
}

export interface CatalogScores {
  /** The search layer's default hybrid relevance (fused bm25-expanded, vector and soft-match). */
  relevance: number;
  /** `WordCoverage` of the query by this tool. */
  coverage: number;
}

/**
 * The whole-catalog state the hybrid scorer needs (document frequencies, the vocabulary of tool
 * words, tool vectors), held in memory and rebuilt whenever the set of current tool versions changes.
 */
export interface CatalogIndex {
  /** Scores of the named tools; tools not in the catalog are left out. */
  score(options: { query: string; names: ReadonlySet<string>; signal?: AbortSignal }): Promise<Map<string, CatalogScores>>;
}

/** The embedded text of a tool: what the registry stores vectors of. */
export function embeddedText(tool: { name: string; description: string }): string {
  return `${tool.name} ${tool.description}`;
}

export async function buildCatalogIndex(options: { tools: readonly CatalogTool[]; embedder: WordVectorEmbedder; signal?: AbortSignal }): Promise<CatalogIndex> {
  const { tools, embedder, signal } = options;
  const hybrid: MemorySearchIndex = await createMemorySearchIndex({ tools, embedder, ...(signal ? { signal } : {}) });
  const table = await embedder.wordVectors(signal ? { signal } : {});
  const words: WordCoverage = createWordCoverage({ texts: tools.map(embeddedText), table });
  return {
    async score({ query, names, signal: querySignal }) {
      const hits = await hybrid.search({ query, ...(querySignal ? { signal: querySignal } : {}) });
      const relevance = new Map(hits.map((hit) => [hit.name, hit.score]));
      const coverage = words.coverage({ query });
      const out = new Map<string, CatalogScores>();
      tools.forEach((tool, i) => {
        if (names.has(tool.name)) out.set(tool.name, { relevance: relevance.get(tool.name) ?? 0, coverage: coverage[i] ?? 0 });
      });
      return out;
    },
  };
}

/** Identity of a catalog: the current version of every tool. */
export function catalogKey(tools: readonly CatalogTool[]): string {
  return tools.map((tool) => `${tool.name}@${tool.version}`).sort().join('\n');
}
