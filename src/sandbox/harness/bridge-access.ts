// The backend's bridge (see ../bridge.ts), read once when the harness installs. Its members are
// copied out so a test that replaces `globalThis.__toolsmith_bridge` or its methods later does not
// change where the harness reports.
import type { HarnessEvent } from '../bridge.ts';
import { ErrorCtor, PromiseCtor, objectFreeze, promiseResolve, promiseThen, reflectApply } from './intrinsics.ts';

/** Same string as `BRIDGE_GLOBAL` in ../bridge.ts (this folder imports nothing at run time from outside). */
export const BRIDGE_NAME = '__toolsmith_bridge';

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

export interface Bridge {
  now(): number;
  sleep(ms: number): Promise<void>;
  log(level: LogLevel, text: string): void;
  report(event: HarnessEvent): void;
  readFile(path: string): Promise<string>;
}

const MEMBERS = ['now', 'sleep', 'log', 'report', 'readFile'] as const;

export function captureBridge(): Bridge {
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_NAME] as Record<string, unknown> | undefined;
  if (typeof bridge !== 'object' || bridge === null) {
    throw new ErrorCtor(`the sandbox must install globalThis.${BRIDGE_NAME} before the harness script runs`);
  }
  const members: Record<string, Function> = {};
  for (const member of MEMBERS) {
    const fn = bridge[member];
    if (typeof fn !== 'function') throw new ErrorCtor(`globalThis.${BRIDGE_NAME}.${member} must be a function`);
    members[member] = fn;
  }
  const call = (member: (typeof MEMBERS)[number], args: unknown[]): unknown => reflectApply(members[member]!, bridge, args);
  return objectFreeze({
    now: () => call('now', []) as number,
    // Wrapped in this realm's Promise: the bridge's may come from the host.
    sleep: (ms: number) => toLocalPromise(call('sleep', [ms])) as Promise<void>,
    log: (level: LogLevel, text: string) => {
      call('log', [level, text]);
    },
    report: (event: HarnessEvent) => {
      call('report', [event]);
    },
    readFile: (path: string) => toLocalPromise(call('readFile', [path])) as Promise<string>,
  });
}

function toLocalPromise(value: unknown): Promise<unknown> {
  return new PromiseCtor((resolve, reject) => {
    if (typeof (value as { then?: unknown } | null)?.then === 'function') (value as PromiseLike<unknown>).then(resolve, reject);
    else promiseThen(promiseResolve(value), resolve, reject);
  });
}
