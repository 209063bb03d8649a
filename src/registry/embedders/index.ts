/** Embedders on provider models (OpenAI, Ollama, OpenAI-compatible servers), and the one the config names. */
export { createProviderEmbedder, MAX_BATCH_SIZE, type ProviderEmbedderOptions } from './provider-embedder.ts';
export { createEmbedderFromConfig, type EmbedderConfig } from './create-embedder-from-config.ts';
export { parseEmbedderSpec, OLLAMA_DEFAULT_BASE_URL, type EmbedderSpec, type EmbeddingProvider } from './embedder-spec.ts';
