// setTimeout / setInterval for an isolate, which has no timers of its own, built on `bridge.sleep`.
// A cleared timer's sleep still completes on the host, but its callback never runs.
import type { Bridge } from './bridge-access.ts';
import { thrownText } from './assertion-failure.ts';
import {
  ErrorCtor,
  NumberCtor,
  SetCtor,
  promiseResolve,
  promiseThen,
  reflectApply,
  setAdd,
  setDelete,
  setHas,
  TypeErrorCtor,
  WeakMapCtor,
  objectFreeze,
  weakMapGet,
  weakMapSet,
} from './intrinsics.ts';

/**
 * What setTimeout returns: usable as a number (as in browsers) and with Node's `ref`/`unref`
 * (no-ops here), so tool code written for either works.
 */
export interface TimerHandle {
  ref(): TimerHandle;
  unref(): TimerHandle;
  hasRef(): boolean;
  [Symbol.toPrimitive](): number;
}

export interface TimerFunctions {
  setTimeout: (callback: unknown, ms?: unknown, ...args: unknown[]) => TimerHandle;
  clearTimeout: (handle: unknown) => void;
  setInterval: (callback: unknown, ms?: unknown, ...args: unknown[]) => TimerHandle;
  clearInterval: (handle: unknown) => void;
  queueMicrotask: (callback: unknown) => void;
}

export function createTimers(bridge: Bridge, onUncaught: (error: unknown) => void): TimerFunctions {
  const active = new SetCtor<unknown>();
  const ids = new WeakMapCtor<object, number>();
  let nextId = 1;

  const handleFor = (id: number): TimerHandle => {
    const handle: TimerHandle = objectFreeze({
      ref: () => handle,
      unref: () => handle,
      hasRef: () => true,
      [Symbol.toPrimitive]: () => id,
    });
    weakMapSet(ids, handle, id);
    return handle;
  };
  const clear = (handle: unknown): void => {
    const id = typeof handle === 'object' && handle !== null ? weakMapGet(ids, handle) : handle;
    setDelete(active, id);
  };

  const delayOf = (ms: unknown): number => {
    const delay = typeof ms === 'number' ? ms : NumberCtor(ms);
    return delay > 0 ? delay : 0;
  };
  const callbackOf = (callback: unknown, name: string): Function => {
    if (typeof callback !== 'function') throw new TypeErrorCtor(`${name} needs a function (strings of code are not run)`);
    return callback;
  };
  const fire = (callback: Function, args: unknown[]): void => {
    try {
      reflectApply(callback, undefined, args);
    } catch (error) {
      onUncaught(error);
    }
  };
  const schedule = (id: number, delay: number, tick: () => void): void => {
    promiseThen(bridge.sleep(delay), () => {
      if (setHas(active, id)) tick();
    }, (error) => onUncaught(new ErrorCtor(`the sandbox timer failed: ${thrownText(error)}`)));
  };

  const timers: TimerFunctions = {
    setTimeout: (callback, ms, ...args) => {
      const fn = callbackOf(callback, 'setTimeout');
      const id = nextId++;
      setAdd(active, id);
      schedule(id, delayOf(ms), () => {
        setDelete(active, id);
        fire(fn, args);
      });
      return handleFor(id);
    },
    clearTimeout: clear,
    setInterval: (callback, ms, ...args) => {
      const fn = callbackOf(callback, 'setInterval');
      // At least 1ms between runs, as Node does, so an interval cannot spin the host.
      const delay = delayOf(ms) < 1 ? 1 : delayOf(ms);
      const id = nextId++;
      setAdd(active, id);
      const tick = (): void => {
        fire(fn, args);
        if (setHas(active, id)) schedule(id, delay, tick);
      };
      schedule(id, delay, tick);
      return handleFor(id);
    },
    clearInterval: clear,
    queueMicrotask: (callback) => {
      const fn = callbackOf(callback, 'queueMicrotask');
      promiseThen(promiseResolve(undefined), () => fire(fn, []), () => undefined);
    },
  };
  return timers;
}
