// Built-ins the harness relies on, captured when the harness script is evaluated, which the
// backends do before any tool code runs. A tool or test that patches a prototype or a global
// (`Array.prototype.push = ...`, `Object.is = ...`) then cannot break matching or reporting.
// Methods are "uncurried" (`arrayPush(list, x)` instead of `list.push(x)`) so later changes to
// the prototypes are not seen.

type AnyFunction = (...args: never[]) => unknown;

const bindCall: (fn: AnyFunction) => (...args: unknown[]) => unknown = Function.prototype.bind.bind(
  Function.prototype.call,
) as never;

function uncurry<F>(fn: AnyFunction): F {
  return bindCall(fn) as F;
}

export const ObjectCtor = Object;
export const ErrorCtor = Error;
export const TypeErrorCtor = TypeError;
export const PromiseCtor = Promise;
export const MapCtor = Map;
export const WeakMapCtor = WeakMap;
export const SetCtor = Set;
export const DateCtor = Date;
export const RegExpCtor = RegExp;
export const StringCtor = String;
export const NumberCtor = Number;

export const objectIs = Object.is;
export const objectKeys = Object.keys;
export const objectCreate = Object.create;
export const objectFreeze = Object.freeze;
export const getOwnPropertyNames = Object.getOwnPropertyNames;
export const getOwnPropertySymbols = Object.getOwnPropertySymbols;
export const getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
export const getPrototypeOf = Object.getPrototypeOf;
export const defineProperty = Object.defineProperty;
export const hasOwn = Object.hasOwn;
export const objectToString = uncurry<(value: unknown) => string>(Object.prototype.toString);
export const propertyIsEnumerable = uncurry<(value: object, key: PropertyKey) => boolean>(
  Object.prototype.propertyIsEnumerable,
);

export const reflectApply = Reflect.apply;
export const jsonStringify = JSON.stringify;
export const mathMax = Math.max;
export const mathMin = Math.min;
export const mathAbs = Math.abs;
export const mathPow = Math.pow;
export const mathTrunc = Math.trunc;
export const numberIsNaN = Number.isNaN;
export const numberIsInteger = Number.isInteger;
export const numberParseFloat = Number.parseFloat;
export const isArrayBufferView = ArrayBuffer.isView;

export const arrayIsArray = Array.isArray;
export const arrayPush = uncurry<<T>(list: T[], ...items: T[]) => number>(Array.prototype.push);
export const arrayPop = uncurry<<T>(list: T[]) => T | undefined>(Array.prototype.pop);
export const arrayShift = uncurry<<T>(list: T[]) => T | undefined>(Array.prototype.shift);
export const arrayJoin = uncurry<(list: readonly unknown[], separator: string) => string>(Array.prototype.join);
export const arraySlice = uncurry<<T>(list: readonly T[], start?: number, end?: number) => T[]>(Array.prototype.slice);
export const arrayIndexOf = uncurry<<T>(list: readonly T[], item: T) => number>(Array.prototype.indexOf);

export const stringSlice = uncurry<(text: string, start: number, end?: number) => string>(String.prototype.slice);
export const stringIncludes = uncurry<(text: string, part: string) => boolean>(String.prototype.includes);
export const stringIndexOf = uncurry<(text: string, part: string, from?: number) => number>(String.prototype.indexOf);
export const stringRepeat = uncurry<(text: string, count: number) => string>(String.prototype.repeat);
export const stringSplit = uncurry<(text: string, separator: string) => string[]>(String.prototype.split);
export const stringTrim = uncurry<(text: string) => string>(String.prototype.trim);
export const stringCharCodeAt = uncurry<(text: string, index: number) => number>(String.prototype.charCodeAt);
export const numberToFixed = uncurry<(value: number, digits: number) => string>(Number.prototype.toFixed);
export const numberToString = uncurry<(value: number, radix: number) => string>(Number.prototype.toString);

export const functionToString = uncurry<(fn: Function) => string>(Function.prototype.toString);

export const regExpTest = uncurry<(pattern: RegExp, text: string) => boolean>(RegExp.prototype.test);
export const regExpExec = uncurry<(pattern: RegExp, text: string) => RegExpExecArray | null>(RegExp.prototype.exec);
export const regExpToString = uncurry<(pattern: RegExp) => string>(RegExp.prototype.toString);

export const dateGetTime = uncurry<(date: Date) => number>(Date.prototype.getTime);
export const dateToISOString = uncurry<(date: Date) => string>(Date.prototype.toISOString);

export const promiseResolve: <T>(value: T) => Promise<Awaited<T>> = Promise.resolve.bind(Promise);
export const promiseReject: (reason: unknown) => Promise<never> = Promise.reject.bind(Promise);
export const promiseThen = uncurry<
  <T>(promise: PromiseLike<T>, onFulfilled: (value: T) => unknown, onRejected: (reason: unknown) => unknown) => Promise<unknown>
>(Promise.prototype.then);

export const mapGet = uncurry<(map: Map<unknown, unknown>, key: unknown) => unknown>(Map.prototype.get);
export const mapSet = uncurry<(map: Map<unknown, unknown>, key: unknown, value: unknown) => Map<unknown, unknown>>(Map.prototype.set);
export const mapHas = uncurry<(map: Map<unknown, unknown>, key: unknown) => boolean>(Map.prototype.has);
export const mapForEach = uncurry<(map: Map<unknown, unknown>, fn: (value: unknown, key: unknown) => void) => void>(
  Map.prototype.forEach,
);
export const mapSize = uncurry<(map: Map<unknown, unknown>) => number>(
  getOwnPropertyDescriptor(Map.prototype, 'size')!.get as AnyFunction,
);
export const weakMapGet = uncurry<(map: WeakMap<object, unknown>, key: object) => unknown>(WeakMap.prototype.get);
export const weakMapSet = uncurry<(map: WeakMap<object, unknown>, key: object, value: unknown) => WeakMap<object, unknown>>(
  WeakMap.prototype.set,
);
export const setAdd = uncurry<(set: Set<unknown>, value: unknown) => Set<unknown>>(Set.prototype.add);
export const setHas = uncurry<(set: Set<unknown>, value: unknown) => boolean>(Set.prototype.has);
export const setDelete = uncurry<(set: Set<unknown>, value: unknown) => boolean>(Set.prototype.delete);
export const setForEach = uncurry<(set: Set<unknown>, fn: (value: unknown) => void) => void>(Set.prototype.forEach);
export const setSize = uncurry<(set: Set<unknown>) => number>(
  getOwnPropertyDescriptor(Set.prototype, 'size')!.get as AnyFunction,
);

/** Every value of a list, via the captured `push`, so a patched iterator cannot interfere. */
export function copyList<T>(list: ArrayLike<T>): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i++) arrayPush(out, list[i] as T);
  return out;
}

/** Map entries as a list, in insertion order. */
export function mapEntries(map: Map<unknown, unknown>): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  mapForEach(map, (value, key) => {
    arrayPush(out, [key, value]);
  });
  return out;
}

/** Set values as a list, in insertion order. */
export function setValues(set: Set<unknown>): unknown[] {
  const out: unknown[] = [];
  setForEach(set, (value) => {
    arrayPush(out, value);
  });
  return out;
}

/** `Object.prototype.toString` tag, e.g. `Map` for `[object Map]`. */
export function typeTag(value: unknown): string {
  const full = objectToString(value);
  return stringSlice(full, 8, full.length - 1);
}
