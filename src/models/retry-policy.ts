import { setTimeout as delay } from 'node:timers/promises';

/** How transient API failures are retried. Tests inject `sleep` (or tiny delays) to run fast. */
export interface RetrySettings {
  /** Tries in all, the first included. Default 3. */
  maxTries?: number;
  /** The first backoff; each later one doubles, with jitter. Default 1000 ms. */
  baseDelayMs?: number;
  /** Backoff cap; a server's `Retry-After` is honoured up to this too. Default 30 000 ms. */
  maxDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export type FailureClass = { transient: true; retryAfterMs?: number } | { transient: false };

/**
 * Runs `run` until it succeeds, fails for good, or has used its tries. Throws the last error
 * unchanged; the caller turns it into the error its users see.
 */
export async function retryTransient<T>(options: {
  run: (tryNumber: number) => Promise<T>;
  classify: (error: unknown) => FailureClass;
  settings?: RetrySettings;
  signal?: AbortSignal;
}): Promise<T> {
  const maxTries = options.settings?.maxTries ?? 3;
  const baseDelayMs = options.settings?.baseDelayMs ?? 1000;
  const maxDelayMs = options.settings?.maxDelayMs ?? 30_000;
  const sleep = options.settings?.sleep ?? ((ms: number, signal?: AbortSignal) => delay(ms, undefined, signal === undefined ? {} : { signal }));
  const random = options.settings?.random ?? Math.random;

  for (let tryNumber = 1; ; tryNumber++) {
    try {
      return await options.run(tryNumber);
    } catch (error) {
      const failure = options.classify(error);
      if (!failure.transient || tryNumber >= maxTries || options.signal?.aborted) throw error;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (tryNumber - 1));
      // Half fixed, half random: spreads clients that failed together without ever waiting ~0.
      const wait = failure.retryAfterMs ?? backoff * (0.5 + random() / 2);
      await sleep(Math.min(wait, maxDelayMs), options.signal);
    }
  }
}

/** `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, in milliseconds. */
export function retryAfterMs(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (headers === undefined) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const ms = Number.parseFloat(lower['retry-after-ms'] ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const header = lower['retry-after']?.trim();
  if (header === undefined || header === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number.parseFloat(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
