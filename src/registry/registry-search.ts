import { z } from 'zod';
import { userError } from '../errors.ts';
import { buildCatalogIndex, catalogKey, type CatalogIndex } from './catalog-index.ts';
import { rankHits } from './rank-hits.ts';
import type { RegistrySearchResult } from './registry-port.ts';
import type { WordVectorEmbedder } from './search/index.ts';
import type { ToolStore } from './store/index.ts';

/** Candidates taken from each of pgvector and full-text search before re-scoring. */
const CANDIDATES_PER_SOURCE = 50;

const SearchInputSchema = z.object({
  query: z.string().trim().min(1, 'the query must not be empty'),
  limit: z.number().int().min(1).max(CANDIDATES_PER_SOURCE).default(5),
});

export interface RegistrySearch {
  search(options: { query: string; limit?: number; signal?: AbortSignal }): Promise<RegistrySearchResult>;
  /** Drops the in-memory catalog; the next search rebuilds it. */
  invalidate(): void;
}

/**
 * Candidates from the store (nearest vectors ∪ full-text matches), re-scored by the search layer's
 * hybrid method, then ranked by the store's policy (`rankHits`). The hybrid method needs
 * whole-catalog state, kept in memory and rebuilt when the current tool versions change, whoever
 * changed them (the key is checked against the store on every search).
 */
export function createRegistrySearch(options: { store: ToolStore; embedder: WordVectorEmbedder }): RegistrySearch {
  const { store, embedder } = options;
  let catalog: { key: string; index: Promise<CatalogIndex> } | undefined;

  return {
    invalidate() {
      catalog = undefined;
    },
    async search(input) {
      const parsed = SearchInputSchema.safeParse({ query: input.query, limit: input.limit });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => issue.message);
        throw userError('search_invalid', `invalid search: ${problems.join('; ')}`, `pass a non-empty query and a limit from 1 to ${CANDIDATES_PER_SOURCE}`);
      }
      const { query, limit } = parsed.data;
      const signal = input.signal;
      const [queryVector] = await embedder.embed({ texts: [query], ...(signal ? { signal } : {}) });
      const vector = Array.from(queryVector ?? []);
      // A query with no known word embeds to zeros, which has no cosine; full text may still match.
      const hasDirection = vector.some((value) => value !== 0);
      const [nearest, matching, summaries, policy] = await Promise.all([
        hasDirection ? store.vectorSearch({ embedderId: embedder.id, vector, limit: CANDIDATES_PER_SOURCE }) : Promise.resolve([]),
        store.textSearch({ query, limit: CANDIDATES_PER_SOURCE }),
        store.list(),
        store.getRankingPolicy(),
      ]);
      const names = new Set([...nearest.map((hit) => hit.name), ...matching.map((hit) => hit.name)]);
      if (names.size === 0) return { hits: [], band: 'synthesize' };

      const tools = summaries.map((summary) => ({ name: summary.name, version: summary.version, description: summary.description }));
      const key = catalogKey(tools);
      if (catalog?.key !== key) {
        const index = buildCatalogIndex({ tools, embedder, ...(signal ? { signal } : {}) });
        catalog = { key, index };
        index.catch(() => {
          if (catalog?.index === index) catalog = undefined;
        });
      }
      const scores = await (await catalog.index).score({ query, names, ...(signal ? { signal } : {}) });
      const hits = rankHits({ scores, summaries: new Map(summaries.map((summary) => [summary.name, summary])), policy }).slice(0, limit);
      return { hits, band: hits[0]?.band ?? 'synthesize' };
    },
  };
}
