// Every built-in matcher by the name tests call it with.
import { invalid, type Matcher } from './matcher-kit.ts';
import { objectFreeze } from './intrinsics.ts';
import { toContain, toContainEqual, toHaveLength, toHaveProperty, toMatch } from './matchers-collections.ts';
import { toBe, toBeCloseTo, toBeOneOf, toEqual, toMatchObject, toSatisfy, toStrictEqual } from './matchers-equality.ts';
import {
  toHaveBeenCalled,
  toHaveBeenCalledTimes,
  toHaveBeenCalledWith,
  toHaveBeenLastCalledWith,
  toHaveReturnedWith,
} from './matchers-mock.ts';
import { toThrow } from './matchers-throw.ts';
import {
  toBeDefined,
  toBeFalsy,
  toBeGreaterThan,
  toBeGreaterThanOrEqual,
  toBeInstanceOf,
  toBeLessThan,
  toBeLessThanOrEqual,
  toBeNaN,
  toBeNull,
  toBeTruthy,
  toBeTypeOf,
  toBeUndefined,
} from './matchers-value.ts';

// Snapshots need files on the host; say so instead of failing with "is not a function".
const noSnapshots: Matcher = () => invalid('snapshot matchers are not supported in the sandbox; compare with toEqual or toMatchObject');

export const BUILT_IN_MATCHERS: Readonly<Record<string, Matcher>> = objectFreeze({
  toBe,
  toEqual,
  toStrictEqual,
  toMatchObject,
  toBeCloseTo,
  toBeOneOf,
  toSatisfy,
  toContain,
  toContainEqual,
  toMatch,
  toHaveLength,
  toHaveProperty,
  toThrow,
  toThrowError: toThrow,
  toBeNull,
  toBeUndefined,
  toBeDefined,
  toBeNaN,
  toBeTruthy,
  toBeFalsy,
  toBeTypeOf,
  toBeInstanceOf,
  toBeGreaterThan,
  toBeGreaterThanOrEqual,
  toBeLessThan,
  toBeLessThanOrEqual,
  toHaveBeenCalled,
  toBeCalled: toHaveBeenCalled,
  toHaveBeenCalledTimes,
  toBeCalledTimes: toHaveBeenCalledTimes,
  toHaveBeenCalledWith,
  toBeCalledWith: toHaveBeenCalledWith,
  toHaveBeenLastCalledWith,
  lastCalledWith: toHaveBeenLastCalledWith,
  toHaveReturnedWith,
  toMatchSnapshot: noSnapshots,
  toMatchInlineSnapshot: noSnapshots,
  toThrowErrorMatchingSnapshot: noSnapshots,
  toThrowErrorMatchingInlineSnapshot: noSnapshots,
});
