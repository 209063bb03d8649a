/** The capability registry: verified tools in, ranked tools out, on the tool store and the search layer. */
export { createRegistry, type RegistryOptions } from './registry.ts';
export { BandSchema } from './registry-port.ts';
export type { Registry, RegistryHit, RegistrySearchResult, Band, ToolTestReport, ReindexReport, StarterMarker } from './registry-port.ts';
export { createFileMarker } from './starter-marker.ts';
export { bandFor } from './rank-hits.ts';
// The pieces an edge needs to build a registry, so interfaces import this layer only.
export { openToolStore, liveDatabaseLockHolder, ToolRecordSchema, ToolStatusSchema, ToolSummarySchema, VersionEntrySchema, type OpenToolStoreOptions, type ToolRecord, type ToolSummary, type VersionEntry, type ExecutionEntry } from './store/index.ts';
export { createWordVectorEmbedder, createSentenceEncoder, SENTENCE_ENCODER_ID, type Embedder, type ForwardingEmbedder } from './search/index.ts';
export { createEmbedderFromConfig, createProviderEmbedder, type ProviderEmbedderOptions } from './embedders/index.ts';
// Retrieval benchmarks (`toolsmith bench retrieval`, `npm run bench`): a throwaway catalog searched the registry's way.
export {
  benchmarkRetrieval,
  openBenchmarkCatalog,
  BenchmarkToolSchema,
  BenchmarkQuerySchema,
  BENCHMARK_METHODS,
  DEFAULT_METHOD,
  type BenchmarkTool,
  type BenchmarkCatalog,
  type RetrievalBenchmarkRow,
} from './retrieval-benchmark.ts';
