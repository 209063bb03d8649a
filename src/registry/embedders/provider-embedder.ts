import type { EmbeddingModel } from 'ai';
import { systemError, userError } from '../../errors.ts';
import type { Embedder } from '../search/index.ts';
import { knownDimensions, OLLAMA_DEFAULT_BASE_URL, parseEmbedderSpec, providerEmbedderId, type EmbedderSpec } from './embedder-spec.ts';
import { embeddingError, isRetryable, retryAfterMs, type EmbeddingCallFailure } from './embedding-failure.ts';

/** Most texts sent in one request; providers cap it (OpenAI at 2048, others lower) and smaller batches retry cheaper. */
export const MAX_BATCH_SIZE = 96;

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
/** Vectors kept per embedder so a query or tool text embedded twice in one process costs one call. */
const CACHE_ENTRIES = 4096;

export interface ProviderEmbedderOptions {
  /** `openai:<model>`, `ollama:<model>` or `openai-compatible:<model>`. */
  spec: string;
  /** The OpenAI-style API root (…/v1). Required for `openai-compatible`; Ollama defaults to http://127.0.0.1:11434/v1. */
  baseUrl?: string;
  /** Sent as a bearer token; required for `openai`. */
  apiKey?: string;
  /** Ask for shorter vectors (models that support it); becomes part of the id. */
  dimensions?: number;
  /** Texts per request, 1 to 96 (default 96). */
  batchSize?: number;
  /** Tries per request for 429, 5xx and connection failures (default 3), and the first pause (default 500 ms, doubling). */
  retry?: { attempts?: number; initialDelayMs?: number };
}

/**
 * An `Embedder` on a hosted or local embedding model through the AI SDK. Nothing loads until the
 * first `embed`. Texts go in batches of at most 96, in order; busy or failing replies are retried
 * with backoff (honouring `Retry-After`), while a refused key or unknown model fails at once.
 *
 * @example
 * const embedder = createProviderEmbedder({ spec: 'ollama:nomic-embed-text' });
 * const [vector] = await embedder.embed({ texts: ['analyze a CSV file'] });
 * embedder.id; // 'ollama:nomic-embed-text'
 */
export function createProviderEmbedder(options: ProviderEmbedderOptions): Embedder {
  const spec = parseEmbedderSpec(options.spec);
  const baseUrl = resolveBaseUrl(spec, options.baseUrl);
  const apiKey = options.apiKey;
  if (spec.provider === 'openai' && apiKey === undefined) {
    throw userError('embedder_key_missing', `${options.spec} needs an OpenAI API key`, 'set OPENAI_API_KEY (or TOOLSMITH_EMBEDDER_API_KEY)');
  }
  const batchSize = options.batchSize ?? MAX_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw userError('embedder_options_invalid', `batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}, not ${batchSize}`);
  }
  const requested = options.dimensions;
  if (requested !== undefined && (!Number.isInteger(requested) || requested < 1)) {
    throw userError('embedder_options_invalid', `dimensions must be a positive whole number, not ${requested}`);
  }
  const attempts = Math.max(1, options.retry?.attempts ?? 3);
  const initialDelayMs = Math.max(0, options.retry?.initialDelayMs ?? 500);
  const id = providerEmbedderId({ spec, ...(requested === undefined ? {} : { dimensions: requested }) });
  let dimensions = requested ?? knownDimensions(spec.model);
  const cache = new Map<string, Float32Array>();

  let loading: Promise<{ sdk: typeof import('ai'); model: EmbeddingModel }> | undefined;
  const load = () => {
    loading ??= loadModel({ spec, baseUrl, apiKey });
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };

  const requestBatch = async (texts: string[], signal: AbortSignal | undefined): Promise<number[][]> => {
    const { sdk, model } = await load();
    for (let attempt = 1; ; attempt++) {
      try {
        const { embeddings } = await sdk.embedMany({
          model,
          values: texts,
          maxRetries: 0,
          ...(requested === undefined ? {} : { dimensions: requested }),
          ...(signal ? { abortSignal: signal } : {}),
        });
        return embeddings;
      } catch (error) {
        signal?.throwIfAborted();
        const failure = callFailure(sdk, error);
        if (failure === undefined) throw systemError('embedder_failed', `embedding with ${id} failed: ${describe(error)}`, undefined, error);
        if (!isRetryable(failure) || attempt >= attempts) throw embeddingError({ failure, embedderId: id, url: baseUrl, attempts: attempt });
        const backoff = initialDelayMs * 2 ** (attempt - 1);
        await sleep(Math.min(failure.retryAfterMs ?? backoff, 30_000), signal);
      }
    }
  };

  return {
    id,
    // Unknown models report 0 until the first reply shows their length.
    get dimensions() {
      return dimensions ?? 0;
    },
    async embed({ texts, signal }) {
      signal?.throwIfAborted();
      const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
      for (let start = 0; start < missing.length; start += batchSize) {
        const batch = missing.slice(start, start + batchSize);
        const vectors = await requestBatch(batch, signal);
        if (vectors.length !== batch.length) {
          throw systemError('embedder_reply_invalid', `${id} returned ${vectors.length} vectors for ${batch.length} texts`, 'check that the server speaks the OpenAI embeddings API');
        }
        batch.forEach((text, i) => {
          const vector = vectors[i]!;
          dimensions ??= vector.length;
          if (vector.length !== dimensions) {
            throw systemError('embedder_reply_invalid', `${id} returned a ${vector.length}-dimensional vector where ${dimensions} were expected`, 'set TOOLSMITH_EMBEDDER_DIMENSIONS to the model\'s vector length');
          }
          remember(cache, text, Float32Array.from(vector));
        });
      }
      return texts.map((text) => cache.get(text)!);
    },
  };
}

function resolveBaseUrl(spec: EmbedderSpec, baseUrl: string | undefined): string {
  const given = baseUrl?.replace(/\/+$/, '');
  if (given !== undefined && given !== '') return given;
  if (spec.provider === 'ollama') return OLLAMA_DEFAULT_BASE_URL;
  if (spec.provider === 'openai') return OPENAI_BASE_URL;
  throw userError('embedder_base_url_missing', `openai-compatible:${spec.model} needs the server's address`, 'set TOOLSMITH_EMBEDDER_BASE_URL, for example http://127.0.0.1:8080/v1');
}

async function loadModel(options: { spec: EmbedderSpec; baseUrl: string; apiKey: string | undefined }): Promise<{ sdk: typeof import('ai'); model: EmbeddingModel }> {
  const { spec, baseUrl, apiKey } = options;
  const sdk = await import('ai');
  if (spec.provider === 'openai') {
    const { createOpenAI } = await import('@ai-sdk/openai');
    return { sdk, model: createOpenAI({ baseURL: baseUrl, ...(apiKey === undefined ? {} : { apiKey }) }).embedding(spec.model) };
  }
  const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
  const provider = createOpenAICompatible({ name: spec.provider, baseURL: baseUrl, ...(apiKey === undefined ? {} : { apiKey }) });
  return { sdk, model: provider.embeddingModel(spec.model) };
}

/** The HTTP side of an AI SDK error (unwrapping its `RetryError`), or undefined for anything else. */
function callFailure(sdk: typeof import('ai'), error: unknown): EmbeddingCallFailure | undefined {
  const last = typeof error === 'object' && error !== null && 'lastError' in error ? (error as { lastError: unknown }).lastError : error;
  if (!sdk.APICallError.isInstance(last)) return undefined;
  return { statusCode: last.statusCode, message: last.message, retryAfterMs: retryAfterMs(last.responseHeaders) };
}

function remember(cache: Map<string, Float32Array>, text: string, vector: Float32Array): void {
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(text, vector);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
