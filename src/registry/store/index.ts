export { openToolStore } from './open-store.ts';
export { liveDatabaseLockHolder } from './database-lock.ts';
export type { OpenToolStoreOptions } from './open-store.ts';
export { createToolStore } from './tool-store.ts';
export type { ToolStore, AddVersionOptions, ExecutionEntry } from './tool-store-port.ts';
export type { EmbeddingChanges } from './embedding-changes.ts';
export type { TextChanges } from './text-changes.ts';
export type { SearchContext } from './search-context.ts';
export { openEmbeddedDatabase, connectPostgres } from './sql-client.ts';
export type { SqlClient } from './sql-client.ts';
export { migrate } from './migrate.ts';
export { SEARCH_NAME_WEIGHT, searchTermsOf, type SearchStatistics } from './search-statistics.ts';
export { indexManifestsForBenchmark, explainSearchForBenchmark, type BenchmarkManifest } from './benchmark-index.ts';
export {
  ToolRecordSchema,
  ToolSummarySchema,
  VersionEntrySchema,
  ToolStatusSchema,
  EmbeddingSchema,
  RankingPolicySchema,
  RankingPolicyInputSchema,
  RankingWeightsSchema,
  RankingBandsSchema,
} from './store-schemas.ts';
export type {
  CandidateSummary,
  ToolStatus,
  Embedding,
  ToolRecord,
  ToolSummary,
  ToolStats,
  VersionEntry,
  ExecutionInput,
  RankingPolicy,
  RankingPolicyInput,
} from './store-schemas.ts';
