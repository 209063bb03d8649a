import { ToolsmithError } from '../errors.ts';

/** The one error a stopped request ends with; nothing half-done is kept. */
export function requestAborted(cause?: unknown): ToolsmithError {
  if (ToolsmithError.isInstance(cause) && cause.code === 'aborted') return cause;
  return new ToolsmithError({
    kind: 'user',
    code: 'aborted',
    message: 'the request was stopped; nothing was saved',
    hint: 'run the request again',
    ...(cause === undefined ? {} : { cause }),
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw requestAborted(signal.reason);
}
