import { userError } from '../../errors.ts';

export type EmbeddingProvider = 'openai' | 'ollama' | 'openai-compatible';

export interface EmbedderSpec {
  provider: EmbeddingProvider;
  model: string;
}

const PROVIDERS: readonly EmbeddingProvider[] = ['openai', 'ollama', 'openai-compatible'];

/** Ollama's OpenAI-compatible endpoint on its default port. */
export const OLLAMA_DEFAULT_BASE_URL = 'http://127.0.0.1:11434/v1';

/** Vector lengths of well-known models, so `dimensions` is right before the first call. */
const KNOWN_DIMENSIONS: Readonly<Record<string, number>> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
  'nomic-embed-text': 768,
  'mxbai-embed-large': 1024,
  'all-minilm': 384,
  'snowflake-arctic-embed': 1024,
};

/** `openai:text-embedding-3-small` → `{ provider: 'openai', model: 'text-embedding-3-small' }`; throws a user error otherwise. */
export function parseEmbedderSpec(spec: string): EmbedderSpec {
  const colon = spec.indexOf(':');
  const provider = spec.slice(0, Math.max(colon, 0)) as EmbeddingProvider;
  const model = spec.slice(colon + 1).trim();
  if (colon < 0 || !PROVIDERS.includes(provider) || model === '' || /\s/.test(model)) {
    throw userError(
      'embedder_spec_invalid',
      `"${spec}" is not an embedder: expected <provider>:<model> with provider ${PROVIDERS.join(', ')}`,
      'set TOOLSMITH_EMBEDDER to for example openai:text-embedding-3-small, ollama:nomic-embed-text or word-vectors',
    );
  }
  return { provider, model };
}

/** The known vector length of a model, ignoring an Ollama tag (`nomic-embed-text:latest`). */
export function knownDimensions(model: string): number | undefined {
  return KNOWN_DIMENSIONS[model] ?? KNOWN_DIMENSIONS[model.replace(/:[^:/]+$/, '')];
}

/** `provider:model`, plus `@N` when shorter vectors were asked for: vectors of different ids are never compared. */
export function providerEmbedderId(options: { spec: EmbedderSpec; dimensions?: number }): string {
  const { spec, dimensions } = options;
  return `${spec.provider}:${spec.model}${dimensions === undefined ? '' : `@${dimensions}`}`;
}
