/** A search's vector channels served from the in-memory copies (`registry-search.ts`). */
import type { NearestWith, ThreadedVectorIndex, VectorHit } from './search/index.ts';

/** A vector channel's scan in flight: its reply (hits, and the similarities of the names `asked`) and how to ask for more similarities. */
export interface Scanned {
  hits: VectorHit[];
  similarities: Map<string, number>;
  asked: ReadonlySet<string>;
  similaritiesOf(names: readonly string[]): Promise<Map<string, number>>;
}

/** Waits for a scan's reply, keeping what a later request for more cosines needs (the copy, and the query vector or how to get it). */
export async function scanned(options: {
  copy: ThreadedVectorIndex;
  /** The query vector, or how to wait for it (a forwarded one). */
  vector: Float32Array | (() => Promise<Float32Array | undefined>);
  asked: readonly string[];
  reply: Promise<NearestWith>;
}): Promise<Scanned> {
  const { copy, vector } = options;
  const { hits, similarities } = await options.reply;
  return {
    hits,
    similarities,
    asked: new Set(options.asked),
    async similaritiesOf(names) {
      const query = typeof vector === 'function' ? await vector() : vector;
      if (query === undefined) throw new Error('the query vector never came');
      return copy.similarities(query, names);
    },
  };
}

/**
 * A vector channel served from an in-memory index: its nearest tools that are not already `known`
 * (their summaries are read afterwards, with the other channel's), and the similarity of every
 * candidate (those not asked with the scan in a second request). Undefined when the index is not
 * loaded or failed: the store's own scan answers then.
 */
export async function fromMemoryIndex(options: { nearestPending: Promise<Scanned | undefined> | undefined; known: readonly string[] }): Promise<{ added: string[]; similarities: Map<string, number> } | undefined> {
  const found = await options.nearestPending?.catch(() => undefined);
  if (found === undefined) return undefined;
  const knownNames = new Set(options.known);
  try {
    const missing = options.known.filter((name) => !found.asked.has(name));
    const similarities = missing.length === 0 ? new Map(found.similarities) : new Map([...found.similarities, ...(await found.similaritiesOf(missing))]);
    const added = found.hits.filter((hit) => !knownNames.has(hit.name));
    for (const hit of added) similarities.set(hit.name, hit.similarity);
    return { added: added.map((hit) => hit.name), similarities };
  } catch {
    return undefined;
  }
}
