import { ToolsmithError } from '../errors.ts';

/** The error an aborted synthesis ends with. Synthesis writes nothing, so there is nothing to undo. */
export function abortedError(cause?: unknown): ToolsmithError {
  if (ToolsmithError.isInstance(cause) && cause.code === 'aborted') return cause;
  return new ToolsmithError({
    kind: 'user',
    code: 'aborted',
    message: 'tool synthesis was aborted; nothing was saved',
    hint: 'run the request again to synthesize the tool',
    ...(cause === undefined ? {} : { cause }),
  });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortedError(signal.reason);
}

/**
 * Runs one stage between two abort checks. Whatever the stage throws once the signal has fired
 * (a provider's AbortError, a half-finished reply) becomes the one `aborted` error.
 */
export async function abortableStage<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  throwIfAborted(signal);
  try {
    const value = await work();
    throwIfAborted(signal);
    return value;
  } catch (error) {
    if (signal?.aborted === true) throw abortedError(error);
    throw error;
  }
}
