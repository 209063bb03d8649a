// `vi.fn()` and `vi.spyOn()`: functions that record their calls. The record lives in a WeakMap
// keyed by the mock, so matchers can tell a real mock from an object that only looks like one.
import {
  ErrorCtor,
  StringCtor,
  arrayShift,
  objectKeys,
  promiseReject,
  promiseResolve,
  WeakMapCtor,
  arrayPush,
  defineProperty,
  getOwnPropertyDescriptor,
  hasOwn,
  objectFreeze,
  reflectApply,
  weakMapGet,
  weakMapSet,
  TypeErrorCtor,
} from './intrinsics.ts';

type AnyFunction = (...args: unknown[]) => unknown;

export interface MockResult {
  type: 'return' | 'throw';
  value: unknown;
}

export interface MockState {
  name: string;
  calls: unknown[][];
  results: MockResult[];
  instances: unknown[];
  contexts: unknown[];
  lastCall: unknown[] | undefined;
}

export interface Mock extends AnyFunction {
  mock: MockState;
  mockReturnValue(value: unknown): Mock;
  mockReturnValueOnce(value: unknown): Mock;
  mockImplementation(impl: AnyFunction): Mock;
  mockImplementationOnce(impl: AnyFunction): Mock;
  mockResolvedValue(value: unknown): Mock;
  mockResolvedValueOnce(value: unknown): Mock;
  mockRejectedValue(reason: unknown): Mock;
  mockRejectedValueOnce(reason: unknown): Mock;
  mockName(name: string): Mock;
  getMockName(): string;
  getMockImplementation(): AnyFunction | undefined;
  mockClear(): Mock;
  mockReset(): Mock;
  mockRestore(): Mock;
}

const states = new WeakMapCtor<object, MockState>();
const allMocks: Mock[] = [];

export function mockStateOf(value: object): MockState | undefined {
  return weakMapGet(states, value) as MockState | undefined;
}

export function createMock(original?: AnyFunction, restore?: () => void): Mock {
  if (original !== undefined && typeof original !== 'function') {
    throw new TypeErrorCtor('vi.fn() takes an optional implementation function');
  }
  const state: MockState = { name: 'vi.fn()', calls: [], results: [], instances: [], contexts: [], lastCall: undefined };
  let implementation = original;
  let once: AnyFunction[] = [];

  const mock = function (this: unknown, ...args: unknown[]): unknown {
    arrayPush(state.calls, args);
    state.lastCall = args;
    arrayPush(state.contexts, this);
    arrayPush(state.instances, new.target === undefined ? undefined : this);
    const impl = once.length > 0 ? arrayShift(once) : implementation;
    try {
      const value = impl === undefined ? undefined : reflectApply(impl, this, args);
      arrayPush(state.results, { type: 'return', value });
      return value;
    } catch (error) {
      arrayPush(state.results, { type: 'throw', value: error });
      throw error;
    }
  } as Mock;

  // Every configuring method returns the mock, so calls chain: vi.fn().mockName('f').mockReturnValue(1).
  const then = (change: () => void): Mock => {
    change();
    return mock;
  };
  const clear = (): void => {
    state.calls = [];
    state.results = [];
    state.instances = [];
    state.contexts = [];
    state.lastCall = undefined;
  };
  const reset = (): void => {
    clear();
    implementation = original;
    once = [];
  };
  const methods: Omit<Mock, keyof AnyFunction | 'mock'> = {
    mockReturnValue: (value) => then(() => (implementation = () => value)),
    mockReturnValueOnce: (value) => then(() => arrayPush(once, () => value)),
    mockImplementation: (impl) => then(() => (implementation = impl)),
    mockImplementationOnce: (impl) => then(() => arrayPush(once, impl)),
    mockResolvedValue: (value) => then(() => (implementation = () => promiseResolve(value))),
    mockResolvedValueOnce: (value) => then(() => arrayPush(once, () => promiseResolve(value))),
    mockRejectedValue: (reason) => then(() => (implementation = () => promiseReject(reason))),
    mockRejectedValueOnce: (reason) => then(() => arrayPush(once, () => promiseReject(reason))),
    mockName: (name) => then(() => (state.name = `${name}`)),
    getMockName: () => state.name,
    getMockImplementation: () => implementation,
    mockClear: () => then(clear),
    mockReset: () => then(reset),
    mockRestore: () =>
      then(() => {
        reset();
        restore?.();
      }),
  };
  for (const key of objectKeys(methods) as (keyof typeof methods)[]) {
    defineProperty(mock, key, { value: methods[key], enumerable: false });
  }
  defineProperty(mock, 'mock', { get: () => state, enumerable: false });
  weakMapSet(states, mock, state);
  arrayPush(allMocks, mock);
  return mock;
}

/** Replaces `object[key]` with a mock that calls the original; `mockRestore()` puts it back. */
export function spyOn(object: unknown, key: PropertyKey, accessType?: 'get' | 'set'): Mock {
  if (accessType !== undefined) throw new ErrorCtor(`vi.spyOn(object, key, '${accessType}') is not supported in the sandbox; spy on methods only`);
  if (typeof object !== 'object' && typeof object !== 'function') throw new TypeErrorCtor('vi.spyOn() needs an object and the name of one of its methods');
  const target = object as Record<PropertyKey, unknown>;
  const original = target[key];
  if (typeof original !== 'function') throw new TypeErrorCtor(`vi.spyOn(): ${StringCtor(key)} is not a method of the object`);
  const own = hasOwn(target, key) ? getOwnPropertyDescriptor(target, key) : undefined;
  const mock = createMock(original as AnyFunction, () => {
    if (own !== undefined) defineProperty(target, key, own);
    else delete target[key];
  });
  mock.mockName(StringCtor(key));
  defineProperty(target, key, { value: mock, writable: true, configurable: true, enumerable: own?.enumerable ?? false });
  return mock;
}

/** The `vi` object tests import. */
export function createVi(): object {
  const unsupported = (name: string, instead: string) => (): never => {
    throw new ErrorCtor(`vi.${name}() is not supported in the sandbox; ${instead}`);
  };
  return objectFreeze({
    fn: (impl?: AnyFunction) => createMock(impl),
    spyOn,
    isMockFunction: (value: unknown) => typeof value === 'function' && mockStateOf(value) !== undefined,
    mocked: <T>(value: T): T => value,
    clearAllMocks: () => forEachMock((mock) => mock.mockClear()),
    resetAllMocks: () => forEachMock((mock) => mock.mockReset()),
    restoreAllMocks: () => forEachMock((mock) => mock.mockRestore()),
    mock: unsupported('mock', 'pass collaborators to the tool as arguments instead of mocking modules'),
    useFakeTimers: unsupported('useFakeTimers', 'use short real delays'),
    useRealTimers: () => undefined,
  });
}

function forEachMock(action: (mock: Mock) => void): void {
  for (let i = 0; i < allMocks.length; i++) action(allMocks[i]!);
}
