/** The search layer: the `Embedder` port, the offline word-vector embedder, and in-memory ranking. */
export { isForwardingEmbedder, type Embedder, type ForwardingEmbedder } from './embedder.ts';
export {
  createWordVectorEmbedder,
  type WordVectorEmbedder,
  type WordVectorEmbedderOptions,
} from './word-vectors/create-word-vector-embedder.ts';
export { DEFAULT_WORD_VECTOR_CACHE_DIR } from './word-vectors/load-word-vectors.ts';
export type { WordVectorTable } from './word-vectors/word-vector-table.ts';
export { tokenize, contentWords, lexicalTerms, createBm25Index, expandQuery, type Bm25Index, type WeightedTerm } from './lexical.ts';
export { collectDocumentWords, indexDocumentWords, similaritiesTo, softMatchScores, type DocumentWords } from './soft-match.ts';
export { stem } from './stem.ts';
export { minMaxNormalize, weightedScoreFusion, reciprocalRankFusion, rankOrder, fuseOnScale } from './fusion.ts';
export {
  createMemorySearchIndex,
  type MemorySearchIndex,
  type SearchableTool,
  type SearchHit,
  type SearchMethod,
} from './memory-search-index.ts';
export { wordNetTerms } from './memory-search-index.ts';
export type { WordNetThesaurus } from './wordnet/wordnet-thesaurus.ts';
export { loadWordNetThesaurus, DEFAULT_WORDNET_DICT_DIR } from './wordnet/load-wordnet-thesaurus.ts';
export { evaluateRetrieval, type LabeledQuery, type RetrievalReport } from './evaluate.ts';
export { HYBRID_PARAMETERS, SENTENCE_FUSION_WEIGHT, neighboursOf } from './ranking-parameters.ts';
export { createSentenceEncoder, SENTENCE_ENCODER_ID } from './sentence-encoder.ts';
export { createMemoryVectorIndex, type MemoryVectorIndex, type VectorHit } from './memory-vector-index.ts';
export { createMemoryTextIndex, type MemoryTextIndex, type TextDocument } from './memory-text-index.ts';
export { createThreadedVectorIndex, type NearestWith, type ThreadedVectorIndex } from './threaded-vector-index.ts';
