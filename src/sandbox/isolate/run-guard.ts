// Enforces a run's wall time, CPU time and abort signal from the host by disposing the isolate.
// Disposal is the one stop that works for everything: synchronous loops, microtask floods and
// promises that never settle. Every host await on the isolate goes through `race`, so the run
// ends the moment the guard fires, whatever isolated-vm does with the abandoned operation.
import type ivm from 'isolated-vm';
import type { SandboxFailure, SandboxLimits } from '../types.ts';

type StopReason = 'timeout' | 'cpu_limit' | 'aborted';

export interface RunGuard {
  /** Waits for `work`, unless the guard fires first. */
  race<T>(work: Promise<T>): Promise<T>;
  /** Milliseconds of wall time left, for isolated-vm's own `timeout` option on each step. */
  remainingMs(): number;
  /** Why the run failed, given what it threw; undefined when no limit explains it. */
  limitFailure(error: unknown): SandboxFailure | undefined;
  stop(): void;
}

export interface RunGuardOptions {
  isolate: ivm.Isolate;
  limits: SandboxLimits;
  what: 'call' | 'suite';
  signal: AbortSignal | undefined;
}

// How often CPU time is sampled. A run shorter than this never pays for a sample.
const CPU_SAMPLE_MS = 20;

export function startRunGuard({ isolate, limits, what, signal }: RunGuardOptions): RunGuard {
  const wallMs = what === 'call' ? limits.callTimeoutMs : limits.suiteTimeoutMs;
  const deadline = performance.now() + wallMs;
  let reason: StopReason | undefined;
  let fire!: (error: Error) => void;
  const fired = new Promise<never>((_, reject) => {
    fire = reject;
  });
  fired.catch(() => undefined);

  let stopped = false;
  const stopWith = (why: StopReason): void => {
    if (stopped) return;
    stopped = true;
    // Already disposed means isolated-vm hit the heap limit first; `limitFailure` says so.
    if (!isolate.isDisposed) {
      reason = why;
      try {
        isolate.dispose();
      } catch {
        // disposed concurrently by isolated-vm
      }
    }
    fire(new Error(`the ${what} was stopped: ${why}`));
  };

  const wallTimer = setTimeout(() => stopWith('timeout'), wallMs);
  const cpuLimitNs = BigInt(Math.round(limits.cpuTimeMs * 1e6));
  const cpuTimer = setInterval(() => {
    // isolated-vm may dispose the isolate from its own thread (heap limit) at any moment, and a
    // throw here would be an uncaught exception in the host.
    try {
      if (!isolate.isDisposed && isolate.cpuTime > cpuLimitNs) stopWith('cpu_limit');
    } catch {
      // disposed between the check and the read: the run is ending anyway
    }
  }, Math.min(CPU_SAMPLE_MS, Math.max(1, limits.cpuTimeMs)));
  const onAbort = (): void => stopWith('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });

  const failureFor = (why: StopReason | 'memory_limit'): SandboxFailure => {
    switch (why) {
      case 'timeout': {
        const name = what === 'call' ? 'callTimeoutMs' : 'suiteTimeoutMs';
        return { code: 'timeout', message: `the ${what} ran longer than ${wallMs} ms and was stopped (limits.${name}; raise it if the work needs longer)` };
      }
      case 'cpu_limit':
        return { code: 'cpu_limit', message: `the ${what} used more than ${limits.cpuTimeMs} ms of CPU time and was stopped (limits.cpuTimeMs; raise it if the work needs more)` };
      case 'aborted':
        return { code: 'aborted', message: `the ${what} was aborted by its signal` };
      case 'memory_limit':
        return { code: 'memory_limit', message: `the ${what} ran out of memory: the isolate heap is limited to ${limits.memoryMb} MB (limits.memoryMb; raise it if the work needs more)` };
    }
  };

  return {
    race: (work) => {
      // The loser may still settle (or reject) later; nobody listens then.
      work.catch(() => undefined);
      return Promise.race([work, fired]);
    },
    remainingMs: () => Math.max(1, Math.ceil(deadline - performance.now())),
    limitFailure: (error) => {
      if (reason !== undefined) return failureFor(reason);
      const message = error instanceof Error ? error.message : '';
      // isolated-vm disposes an isolate itself only when its heap limit is hit.
      if (isolate.isDisposed || /memory limit/i.test(message)) return failureFor('memory_limit');
      // isolated-vm's own per-step `timeout`, which we set to the wall time left.
      if (/Script execution timed out/.test(message)) return failureFor('timeout');
      return undefined;
    },
    stop: () => {
      clearTimeout(wallTimer);
      clearInterval(cpuTimer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
