import { userError } from '../errors.ts';
import type { ModelProvider } from './model-spec.ts';

/** The variables a model reads. The caller merges the process environment and `.env`; nothing here reads `process.env`. */
export interface ModelEnv {
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  ANTHROPIC_API_KEY?: string | undefined;
  ANTHROPIC_BASE_URL?: string | undefined;
  TOOLSMITH_MODEL_BASE_URL?: string | undefined;
  TOOLSMITH_MODEL_API_KEY?: string | undefined;
}

export interface ProviderSettings {
  provider: Exclude<ModelProvider, 'scripted'>;
  modelName: string;
  baseURL: string;
  apiKey: string | undefined;
  /** The variable to name when the server rejects the key. */
  keyVariable: string;
}

/** Checks that the variables a provider needs are set, before any SDK is loaded. */
export function resolveProviderSettings(options: { provider: Exclude<ModelProvider, 'scripted'>; modelName: string; env: ModelEnv }): ProviderSettings {
  const { provider, modelName, env } = options;
  switch (provider) {
    case 'openai':
      return {
        provider, modelName, keyVariable: 'OPENAI_API_KEY',
        apiKey: requireKey(env.OPENAI_API_KEY, 'OPENAI_API_KEY', 'openai'),
        baseURL: normalizeBaseURL(env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1', 'OPENAI_BASE_URL'),
      };
    case 'anthropic':
      return {
        provider, modelName, keyVariable: 'ANTHROPIC_API_KEY',
        apiKey: requireKey(env.ANTHROPIC_API_KEY, 'ANTHROPIC_API_KEY', 'anthropic'),
        baseURL: normalizeBaseURL(env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1', 'ANTHROPIC_BASE_URL'),
      };
    case 'openai-compatible': {
      const baseURL = nonEmpty(env.TOOLSMITH_MODEL_BASE_URL);
      if (baseURL === undefined) {
        throw userError(
          'model_base_url_missing',
          'The openai-compatible provider needs the server\'s address in TOOLSMITH_MODEL_BASE_URL.',
          'set TOOLSMITH_MODEL_BASE_URL, e.g. http://localhost:11434/v1 (Ollama), http://localhost:1234/v1 (LM Studio) or https://openrouter.ai/api/v1',
        );
      }
      return {
        provider, modelName, keyVariable: 'TOOLSMITH_MODEL_API_KEY',
        apiKey: nonEmpty(env.TOOLSMITH_MODEL_API_KEY),
        baseURL: normalizeBaseURL(baseURL, 'TOOLSMITH_MODEL_BASE_URL'),
      };
    }
  }
}

function requireKey(value: string | undefined, variable: string, provider: string): string {
  const key = nonEmpty(value);
  if (key === undefined) {
    throw userError('model_key_missing', `The ${provider} provider needs an API key in ${variable}, which is not set.`, `set ${variable} in the environment or in .env`);
  }
  return key;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** A bare host (`http://localhost:11434`) gets `/v1`, the path every supported API lives under. */
function normalizeBaseURL(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw userError('model_base_url_invalid', `${variable}="${value}" is not a URL.`, `set ${variable} to a full URL such as http://localhost:11434/v1`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw userError('model_base_url_invalid', `${variable}="${value}" is not an http(s) URL.`, `set ${variable} to a full URL such as http://localhost:11434/v1`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}${path === '' ? '/v1' : path}${url.search}`;
}
