import { APICallError } from 'ai';
import { describeError, type ToolsmithError } from '../../errors.ts';
import { modelSystemError } from '../model-errors.ts';
import { retryAfterMs, type FailureClass } from '../retry-policy.ts';

/** Thrown by a try that ran past its own time limit (not the caller's abort). */
export class TryTimedOut extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'TryTimedOut';
    this.timeoutMs = timeoutMs;
  }
}

const TRANSIENT_STATUSES = new Set([408, 409, 425, 429]);

/** Which failures are worth another try: rate limits, server errors, dropped connections, timeouts. */
export function classifyApiError(error: unknown): FailureClass {
  if (error instanceof TryTimedOut) return { transient: true };
  if (!APICallError.isInstance(error)) return { transient: false };
  const status = error.statusCode;
  if (status === undefined) return error.isRetryable ? { transient: true } : { transient: false };
  if (TRANSIENT_STATUSES.has(status) || status >= 500) {
    const after = retryAfterMs(error.responseHeaders);
    return after === undefined ? { transient: true } : { transient: true, retryAfterMs: after };
  }
  return { transient: false };
}

/** The error users see once retrying is over, naming what to change. */
export function toModelError(options: { error: unknown; modelId: string; keyVariable: string; baseURL: string; tries: number }): ToolsmithError {
  const { error, modelId, keyVariable, baseURL, tries } = options;
  if (error instanceof TryTimedOut) {
    return modelSystemError({
      code: 'model_timeout', retryable: true, cause: error,
      message: `${modelId} gave no answer within ${formatMs(error.timeoutMs)} (${tries} ${tries === 1 ? 'try' : 'tries'}).`,
      hint: 'try again later, raise the model timeout, or choose a faster model with TOOLSMITH_MODEL',
    });
  }
  if (!APICallError.isInstance(error)) {
    return modelSystemError({
      code: 'model_request_failed', cause: error,
      message: `The call to ${modelId} failed: ${describeError(error)}`,
      hint: `check that the server at ${baseURL} speaks the provider's API`,
    });
  }
  const status = error.statusCode;
  const detail = `${status === undefined ? 'no HTTP answer' : `HTTP ${status}`}: ${error.message}`;
  if (status === 401 || status === 403) {
    return modelSystemError({
      code: 'model_auth_failed', cause: error,
      message: `${baseURL} refused the API key for ${modelId} (${detail}).`,
      hint: `check ${keyVariable}: it may be wrong, revoked, or lack access to this model`,
    });
  }
  if (status === 404 || mentionsModelNotFound(error)) {
    return modelSystemError({
      code: 'model_not_found', cause: error,
      message: `${baseURL} does not know the model in ${modelId} (${detail}).`,
      hint: 'check the model name in TOOLSMITH_MODEL (for Ollama, pull it first) and the base URL',
    });
  }
  if (classifyApiError(error).transient) {
    return modelSystemError({
      code: 'model_unavailable', retryable: true, cause: error,
      message: `${modelId} is unavailable after ${tries} ${tries === 1 ? 'try' : 'tries'} (${detail}).`,
      hint: status === undefined ? `check that ${baseURL} is reachable` : 'the provider is rate-limiting or failing; try again later or choose another model',
    });
  }
  return modelSystemError({
    code: 'model_request_failed', cause: error,
    message: `${modelId} rejected the request (${detail}).`,
    hint: 'the prompt may be too long for the model, or the server may not support structured output',
  });
}

function mentionsModelNotFound(error: APICallError): boolean {
  return /model_not_found/.test(error.responseBody ?? '');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}
