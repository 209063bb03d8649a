import type { Config } from '../../config.ts';
import { createWordVectorEmbedder, type Embedder, type WordVectorEmbedder } from '../search/index.ts';
import { parseEmbedderSpec } from './embedder-spec.ts';
import { createProviderEmbedder } from './provider-embedder.ts';

export type EmbedderConfig = Pick<Config, 'embedder' | 'embedderBaseUrl' | 'embedderApiKey' | 'embedderDimensions' | 'openaiApiKey' | 'cacheDir'>;

/**
 * The embedder `TOOLSMITH_EMBEDDER` names: the offline word vectors (`wordVectors` when given, so
 * one table serves both roles) or a provider model. For `openai:` the key falls back to `OPENAI_API_KEY`.
 *
 * @example
 * const words = createWordVectorEmbedder();
 * const registry = createRegistry({ store, sandbox, embedder: words, vectorEmbedder: createEmbedderFromConfig(config, { wordVectors: words }) });
 */
export function createEmbedderFromConfig(config: EmbedderConfig, options: { wordVectors?: WordVectorEmbedder } = {}): Embedder {
  if (config.embedder === 'word-vectors') {
    return options.wordVectors ?? createWordVectorEmbedder(config.cacheDir === undefined ? {} : { cacheDir: config.cacheDir });
  }
  const { provider } = parseEmbedderSpec(config.embedder);
  const apiKey = config.embedderApiKey ?? (provider === 'openai' ? config.openaiApiKey : undefined);
  return createProviderEmbedder({
    spec: config.embedder,
    ...(config.embedderBaseUrl === undefined ? {} : { baseUrl: config.embedderBaseUrl }),
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(config.embedderDimensions === undefined ? {} : { dimensions: config.embedderDimensions }),
  });
}
