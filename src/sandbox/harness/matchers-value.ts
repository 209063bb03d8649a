// Matchers about the received value alone, or its order against a number.
import { compared, inline, invalid, worded, type Matcher, type MatcherContext, type MatcherOutcome } from './matcher-kit.ts';
import {
  numberIsNaN,
  StringCtor,
} from './intrinsics.ts';

function unary(context: MatcherContext, received: unknown, pass: boolean, what: string): MatcherOutcome {
  return { pass, message: () => `expected ${inline(received)} ${worded(context, 'to be', 'not to be')} ${what}`, expected: what, received: inline(received) };
}

export const toBeNull: Matcher = (context, received) => unary(context, received, received === null, 'null');
export const toBeUndefined: Matcher = (context, received) => unary(context, received, received === undefined, 'undefined');
export const toBeDefined: Matcher = (context, received) => unary(context, received, received !== undefined, 'defined');
export const toBeNaN: Matcher = (context, received) =>
  unary(context, received, typeof received === 'number' && numberIsNaN(received), 'NaN');
export const toBeTruthy: Matcher = (context, received) => unary(context, received, !!received, 'truthy');
export const toBeFalsy: Matcher = (context, received) => unary(context, received, !received, 'falsy');

export const toBeTypeOf: Matcher = (context, received, type) => {
  const actual = received === null ? 'null' : typeof received;
  const pass = typeof received === type;
  return {
    pass,
    message: () => `expected ${inline(received)} ${worded(context, 'to be', 'not to be')} type of '${StringCtor(type)}'`,
    expected: StringCtor(type),
    received: actual,
  };
};

export const toBeInstanceOf: Matcher = (context, received, ctor) => {
  if (typeof ctor !== 'function') return invalid(`toBeInstanceOf needs a class or constructor, received ${inline(ctor)}`);
  const pass = received instanceof (ctor as new () => unknown);
  const name = typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : inline(ctor);
  return {
    pass,
    message: () => `expected ${inline(received)} ${worded(context, 'to be an instance of', 'not to be an instance of')} ${name}`,
    expected: name,
    received: inline(received),
  };
};

function ordering(symbol: string, words: string, test: (a: number | bigint, b: number | bigint) => boolean): Matcher {
  return (context, received, expected) => {
    const numeric = (value: unknown): value is number | bigint => typeof value === 'number' || typeof value === 'bigint';
    if (!numeric(received) || !numeric(expected)) {
      return invalid(`${symbol} needs numbers or bigints, received ${inline(received)} and ${inline(expected)}`);
    }
    return compared(
      test(received, expected),
      () => `expected ${inline(received)} ${worded(context, 'to be', 'not to be')} ${words} ${inline(expected)}`,
      expected,
      received,
    );
  };
}

export const toBeGreaterThan = ordering('toBeGreaterThan', 'greater than', (a, b) => a > b);
export const toBeGreaterThanOrEqual = ordering('toBeGreaterThanOrEqual', 'greater than or equal to', (a, b) => a >= b);
export const toBeLessThan = ordering('toBeLessThan', 'less than', (a, b) => a < b);
export const toBeLessThanOrEqual = ordering('toBeLessThanOrEqual', 'less than or equal to', (a, b) => a <= b);
