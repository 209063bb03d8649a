/** The capability registry: verified tools in, ranked tools out, on the tool store and the search layer. */
export { createRegistry, type RegistryOptions } from './registry.ts';
export type { Registry, RegistryHit, RegistrySearchResult, Band, ToolTestReport, StarterMarker } from './registry-port.ts';
export { createFileMarker } from './starter-marker.ts';
export { bandFor } from './rank-hits.ts';
// The pieces an edge needs to build a registry, so interfaces import this layer only.
export { openToolStore, type OpenToolStoreOptions, type ToolRecord, type ToolSummary, type VersionEntry } from './store/index.ts';
export { createWordVectorEmbedder } from './search/index.ts';
