// The host side of `__toolsmith_bridge` (see ../bridge.ts): the raw callbacks handed to the
// prelude. They only ever see copies (strings and numbers), and each checks its arguments
// itself, because tool code able to reach a raw callback would send anything.
import ivm from 'isolated-vm';
import { z } from 'zod';
import type { HarnessEvent } from '../bridge.ts';
import type { ConsoleBuffer } from '../console-capture.ts';
import { TestResultSchema } from '../types.ts';
import type { ReadFileCapability } from './fs-read-capability.ts';
import { MAX_EVENT_CHARS, MAX_PENDING_READS, MAX_PENDING_SLEEPS } from './prelude-source.ts';

const LEVELS = new Set(['log', 'info', 'warn', 'error', 'debug']);

const HarnessEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('test-start'), name: z.string() }),
  z.object({ type: z.literal('test-end'), result: TestResultSchema }),
]);

export interface BridgeHost {
  /** The prelude function's arguments, in the order of `PRELUDE_HANDLES`. */
  handles: readonly unknown[];
  /** Clears pending timers and ignores anything that still arrives. */
  close(): void;
}

export function createBridgeHost(options: {
  console: ConsoleBuffer;
  consoleBudget: number;
  readFile: ReadFileCapability;
  onEvent?: (event: HarnessEvent) => void;
  /** A sleep never needs to outlast the run's wall limit. */
  maxSleepMs: number;
}): BridgeHost {
  const timers = new Set<NodeJS.Timeout>();
  let reads = 0;
  let closed = false;

  const log = new ivm.Callback((level: unknown, text: unknown) => {
    if (closed || typeof text !== 'string') return;
    options.console.write(typeof level === 'string' && LEVELS.has(level) ? level : 'log', text);
  });

  // `ignored`: the isolate does not wait for it; events still arrive in order.
  const report = new ivm.Callback((json: unknown) => {
    if (closed || options.onEvent === undefined || typeof json !== 'string' || json.length > MAX_EVENT_CHARS) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      return;
    }
    const event = HarnessEventSchema.safeParse(parsed);
    if (event.success) options.onEvent(event.data as HarnessEvent);
  }, { ignored: true });

  // Resolves true after the delay, or a refusal message; never rejects (a rejected promise
  // handed to isolated-vm also surfaces as an unhandled rejection on the host).
  const sleep = new ivm.Reference((ms: unknown): Promise<true | string> | true | string => {
    if (closed) return 'the run has ended';
    if (timers.size >= MAX_PENDING_SLEEPS) return `too many timers are pending at once (at most ${MAX_PENDING_SLEEPS})`;
    const delay = typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, options.maxSleepMs) : 0;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve(true);
      }, delay);
      timers.add(timer);
    });
  });

  const readFile = new ivm.Reference(async (path: unknown): Promise<[boolean, string]> => {
    if (closed) return [false, 'the run has ended'];
    if (reads >= MAX_PENDING_READS) return [false, `too many file reads are pending at once (at most ${MAX_PENDING_READS})`];
    reads++;
    try {
      return [true, await options.readFile(path)];
    } catch (error) {
      return [false, error instanceof Error ? error.message : 'the read failed'];
    } finally {
      reads--;
    }
  });

  return {
    handles: [log, report, sleep, readFile, options.consoleBudget],
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      sleep.release();
      readFile.release();
    },
  };
}
