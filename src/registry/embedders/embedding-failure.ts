import { ToolsmithError } from '../../errors.ts';

/** An HTTP failure of an embeddings call, as the AI SDK reports it (`APICallError`), reduced to what we act on. */
export interface EmbeddingCallFailure {
  /** Absent when no reply came (connection refused, DNS, TLS). */
  statusCode: number | undefined;
  message: string;
  /** From `retry-after-ms` / `retry-after`, when the server sent one. */
  retryAfterMs: number | undefined;
}

/** 429, 408 and 5xx replies, and no reply at all, may pass on a later try. */
export function isRetryable(failure: EmbeddingCallFailure): boolean {
  const status = failure.statusCode;
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

export function retryAfterMs(headers: Record<string, string> | undefined): number | undefined {
  if (headers === undefined) return undefined;
  const milliseconds = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] !== undefined && Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const seconds = Number(headers['retry-after']);
  if (headers['retry-after'] !== undefined && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

/** The error a caller sees once retrying is over, with a fix that fits the failure. */
export function embeddingError(options: { failure: EmbeddingCallFailure; embedderId: string; url: string; attempts: number }): ToolsmithError {
  const { failure, embedderId, url, attempts } = options;
  const status = failure.statusCode;
  const reply = `${status === undefined ? '' : `HTTP ${status}: `}${failure.message}`;
  if (status === 401 || status === 403) {
    return new ToolsmithError({
      kind: 'user',
      code: 'embedder_auth_failed',
      message: `the embedding provider at ${url} refused the API key for ${embedderId} (${reply})`,
      hint: 'set TOOLSMITH_EMBEDDER_API_KEY (or OPENAI_API_KEY for openai:) to a valid key',
    });
  }
  if (status === 404 || (status === 400 && /model/i.test(failure.message))) {
    return new ToolsmithError({
      kind: 'user',
      code: 'embedder_model_unknown',
      message: `the embedding provider at ${url} does not know the model of ${embedderId} (${reply})`,
      hint: 'check the model name in TOOLSMITH_EMBEDDER (for Ollama, pull it first: ollama pull <model>)',
    });
  }
  if (status !== undefined && !isRetryable(failure)) {
    return new ToolsmithError({
      kind: 'user',
      code: 'embedder_request_refused',
      message: `the embedding provider at ${url} refused the request for ${embedderId} (${reply})`,
      hint: 'check TOOLSMITH_EMBEDDER, TOOLSMITH_EMBEDDER_BASE_URL and TOOLSMITH_EMBEDDER_DIMENSIONS',
    });
  }
  return new ToolsmithError({
    kind: 'system',
    code: status === undefined ? 'embedder_unreachable' : 'embedder_unavailable',
    message: `embedding with ${embedderId} failed after ${attempts} ${attempts === 1 ? 'try' : 'tries'} (${reply})`,
    hint: status === undefined ? `check that the embedding server at ${url} is running (for Ollama: ollama serve)` : 'the provider is busy or failing; try again later',
    retryable: true,
  });
}
