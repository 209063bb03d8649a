import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { userError } from '../errors.ts';
import { embeddedText } from './catalog-index.ts';
import type { RegistrySearchResult } from './registry-port.ts';
import { CANDIDATES_PER_SOURCE, createRegistrySearch, TEXT_MATCH_BUDGET, WORD_VECTOR_CANDIDATES } from './registry-search.ts';
import { contentWords, evaluateRetrieval, stem, type Embedder, type LabeledQuery, type RetrievalReport, type SearchMethod, type WordVectorEmbedder } from './search/index.ts';
import { explainSearchForBenchmark, indexManifestsForBenchmark, openToolStore } from './store/index.ts';

/** One catalog line of `toolsmith bench retrieval`: what search reads of a manifest. */
export const BenchmarkToolSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200),
  description: z.string().trim().min(1, 'description must not be empty'),
  parameters: z
    .looseObject({ properties: z.record(z.string(), z.looseObject({ description: z.unknown().optional() })).default({}) })
    .default({ properties: {} }),
});
export type BenchmarkTool = z.infer<typeof BenchmarkToolSchema>;

/** One query line: the request and the tool that should come first. */
export const BenchmarkQuerySchema = z.object({
  query: z.string().trim().min(1, 'query must not be empty'),
  tool: z.string().trim().min(1, 'tool must not be empty'),
});

/** Every re-scoring method on words and word vectors, `bm25` first (it needs no embedder). */
export const BENCHMARK_METHODS: readonly SearchMethod[] = ['bm25', 'bm25-expanded', 'bm25-wordnet', 'vector', 'name-vector', 'soft', 'hybrid-rrf', 'hybrid-v1', 'hybrid'];
/** With a sentence encoder: it alone, then fused into `hybrid` (the registry's default, last). */
export const SENTENCE_BENCHMARK_METHODS: readonly SearchMethod[] = ['sentence', 'hybrid'];
export const DEFAULT_METHOD: SearchMethod = 'hybrid';

export interface RetrievalBenchmarkRow {
  method: SearchMethod;
  /** `null` for `bm25`, which reads no vectors. */
  embedderId: string | null;
  /** The sentence encoder fused in, or `null`. */
  sentenceEncoderId: string | null;
  isDefault: boolean;
  report: RetrievalReport;
}

export interface BenchmarkCatalog {
  /** `registry.search`'s path (store candidates → re-scoring → policy) with one re-scoring method. */
  search(options: { query: string; method?: SearchMethod; withSentence?: boolean; limit?: number; signal?: AbortSignal }): Promise<RegistrySearchResult>;
  /** Loads what the default search keeps in memory (the vector copies), so timings do not include it. */
  prepare(): Promise<void>;
  /** EXPLAIN ANALYZE of the candidate statement for `query` with the word vectors' HNSW scan in it, as it runs while their in-memory copy loads. */
  explainSearch(options: { query: string }): Promise<string>;
  /** Milliseconds: embedding the catalog, inserting rows, building vector indexes, counting statistics. */
  build: { embedMs: number; insertMs: number; vectorIndexMs: number; statisticsMs: number };
  close(): Promise<void>;
}

/**
 * Indexes `catalog` into a throwaway embedded store in a temp dir, the way the registry stores
 * tools (vectors, full text, search statistics) but with no code and no verification, and searches
 * it through the registry's own search path. For benchmarks only.
 */
export async function openBenchmarkCatalog(options: {
  catalog: readonly BenchmarkTool[];
  embedder: WordVectorEmbedder;
  /** Also index the tools' sentence vectors, so searches can fuse them (`withSentence`, the default when given). */
  sentenceEncoder?: Embedder;
  signal?: AbortSignal;
}): Promise<BenchmarkCatalog> {
  const { catalog, embedder, sentenceEncoder, signal } = options;
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-bench-'));
  let opened: Awaited<ReturnType<typeof openToolStore>> | undefined;
  try {
    opened = await openToolStore({ dataDir: home });
    const embedStarted = performance.now();
    const texts = catalog.map(embeddedText);
    const vectors = await embedder.embed({ texts, ...(signal ? { signal } : {}) });
    const sentenceVectors = sentenceEncoder === undefined ? [] : await sentenceEncoder.embed({ texts, ...(signal ? { signal } : {}) });
    const embedMs = performance.now() - embedStarted;
    const timings = await indexManifestsForBenchmark({
      sql: opened.sql,
      tools: catalog.map((tool, i) => ({
        name: tool.name,
        description: tool.description,
        parameters: { properties: tool.parameters.properties },
        embeddings: [
          { embedderId: embedder.id, vector: Array.from(vectors[i] ?? []) },
          ...(sentenceEncoder === undefined ? [] : [{ embedderId: sentenceEncoder.id, vector: Array.from(sentenceVectors[i] ?? []) }]),
        ],
      })),
    });
    const store = opened.store;
    const searches = new Map<string, ReturnType<typeof createRegistrySearch>>();
    const searcherFor = (method: SearchMethod, withSentence: boolean) => {
      const key = `${method}:${withSentence}`;
      let searcher = searches.get(key);
      if (searcher === undefined) {
        searcher = createRegistrySearch({ store, embedder, method, ...(withSentence && sentenceEncoder !== undefined ? { sentenceEncoder } : {}) });
        searches.set(key, searcher);
      }
      return searcher;
    };
    const { close, sql } = opened;
    return {
      search: ({ method = DEFAULT_METHOD, withSentence = sentenceEncoder !== undefined, ...query }) => searcherFor(method, withSentence).search(query),
      build: { embedMs, ...timings },
      prepare: () => searcherFor(DEFAULT_METHOD, sentenceEncoder !== undefined).prepare(),
      async explainSearch({ query }) {
        const [vector] = await embedder.embed({ texts: [query] });
        const plain = [...new Set(contentWords(query))];
        const { documentFrequency } = await store.searchStatistics({ terms: plain.map(stem) });
        const words = plain.map((word) => ({ word, documentFrequency: documentFrequency.get(stem(word)) ?? 0 }));
        return explainSearchForBenchmark({ sql, embedderId: embedder.id, vector: Array.from(vector ?? []), query, words, limit: CANDIDATES_PER_SOURCE, vectorLimit: WORD_VECTOR_CANDIDATES, textMatchBudget: TEXT_MATCH_BUDGET });
      },
      async close() {
        await close();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await opened?.close().catch(() => {});
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Top-1, recall@5, MRR and latency of `registry.search` per re-scoring method over `catalog`.
 * Queries naming a tool the catalog lacks are a user error (they could never be found).
 */
export async function benchmarkRetrieval(options: {
  catalog: readonly BenchmarkTool[];
  queries: readonly LabeledQuery[];
  embedder: WordVectorEmbedder;
  /** Adds rows for `SENTENCE_BENCHMARK_METHODS`; the last of them is then the default. */
  sentenceEncoder?: Embedder;
  methods?: readonly SearchMethod[];
  signal?: AbortSignal;
}): Promise<{ rows: RetrievalBenchmarkRow[]; build: BenchmarkCatalog['build']; tools: number }> {
  const { catalog, queries, embedder, sentenceEncoder, signal } = options;
  const names = new Set<string>();
  for (const tool of catalog) {
    if (names.has(tool.name)) throw userError('benchmark_catalog_invalid', `the catalog names "${tool.name}" twice`, 'give every tool a distinct name');
    names.add(tool.name);
  }
  const unknown = queries.find((query) => !names.has(query.tool));
  if (unknown !== undefined) {
    throw userError('benchmark_queries_invalid', `the query "${unknown.query}" expects "${unknown.tool}", which is not in the catalog`, 'name a tool of the catalog in every query');
  }
  const opened = await openBenchmarkCatalog({ catalog, embedder, ...(sentenceEncoder === undefined ? {} : { sentenceEncoder }), ...(signal ? { signal } : {}) });
  try {
    const rows: RetrievalBenchmarkRow[] = [];
    const runs = [
      ...(options.methods ?? BENCHMARK_METHODS).map((method) => ({ method, withSentence: false })),
      ...(sentenceEncoder === undefined ? [] : SENTENCE_BENCHMARK_METHODS.map((method) => ({ method, withSentence: true }))),
    ];
    for (const { method, withSentence } of runs) {
      const rank = async (query: string) => (await opened.search({ query, method, withSentence, limit: CANDIDATES_PER_SOURCE, ...(signal ? { signal } : {}) })).hits.map((hit) => hit.name);
      // One unmeasured query loads the word vectors, the thesaurus and the sentence encoder.
      if (queries[0] !== undefined) await rank(queries[0].query);
      const report = await evaluateRetrieval({ catalog, queries, rank });
      rows.push({
        method,
        embedderId: method === 'bm25' || method === 'sentence' ? null : embedder.id,
        sentenceEncoderId: withSentence && sentenceEncoder !== undefined ? sentenceEncoder.id : null,
        isDefault: method === DEFAULT_METHOD && withSentence === (sentenceEncoder !== undefined),
        report,
      });
    }
    return { rows, build: opened.build, tools: catalog.length };
  } finally {
    await opened.close();
  }
}
