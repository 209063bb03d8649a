// Runs a test or hook body, failing it if the promise it returns has not settled in time. A body
// that never yields (a busy loop) cannot be interrupted from inside; the backend's wall and CPU
// limits end those, and the last `test-start` event tells the host which test it was.
import { assertionFailure } from './assertion-failure.ts';
import { PromiseCtor, numberIsNaN, promiseResolve, promiseThen, reflectApply } from './intrinsics.ts';

export async function runTimed(
  fn: (...args: unknown[]) => unknown,
  args: unknown[],
  timeoutMs: number,
  sleep: (ms: number) => Promise<void>,
  label: string,
): Promise<unknown> {
  const result = reflectApply(fn, undefined, args);
  if (typeof (result as { then?: unknown } | null)?.then !== 'function') return result;
  if (!(timeoutMs > 0) || numberIsNaN(timeoutMs) || timeoutMs === Infinity) return await result;
  return await new PromiseCtor((resolve, reject) => {
    let settled = false;
    promiseThen(
      promiseResolve(result),
      (value) => {
        settled = true;
        resolve(value);
      },
      (reason) => {
        settled = true;
        reject(reason);
      },
    );
    promiseThen(
      sleep(timeoutMs),
      () => {
        if (!settled) reject(assertionFailure(`${label} timed out in ${timeoutMs}ms`));
      },
      () => undefined,
    );
  });
}
