import { ToolsmithError } from '../errors.ts';

/** The model's reply did not parse, did not fit its schema, or held no code. */
export function modelReplyInvalid(options: { message: string; hint?: string; details?: Record<string, unknown> }): ToolsmithError {
  return new ToolsmithError({
    kind: 'model',
    code: 'model_reply_invalid',
    message: options.message,
    hint: options.hint ?? 'try again, or choose a stronger model with TOOLSMITH_MODEL',
    ...(options.details === undefined ? {} : { details: options.details }),
  });
}

export function modelSystemError(options: {
  code: 'model_auth_failed' | 'model_not_found' | 'model_unavailable' | 'model_timeout' | 'model_request_failed';
  message: string;
  hint: string;
  retryable?: boolean;
  cause?: unknown;
  details?: Record<string, unknown>;
}): ToolsmithError {
  return new ToolsmithError({ kind: 'system', ...options });
}
