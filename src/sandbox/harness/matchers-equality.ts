// Matchers that compare the received value with an expected one.
import { deepEqual } from './deep-equal.ts';
import { compared, inline, invalid, worded, type Matcher } from './matcher-kit.ts';
import { mathAbs, mathPow, numberToFixed, objectIs, typeTag } from './intrinsics.ts';

export const toBe: Matcher = (context, received, expected) => {
  const pass = objectIs(received, expected);
  return compared(pass, () => {
    let text = `expected ${inline(received)} ${worded(context, 'to be', 'not to be')} ${inline(expected)} // Object.is equality`;
    if (!context.isNot && typeof received === 'object' && received !== null && deepEqual(received, expected, 'strict')) {
      text += '\n\nIf it should pass with deep equality, replace "toBe" with "toStrictEqual"';
    }
    return text;
  }, expected, received);
};

export const toEqual: Matcher = (context, received, expected) =>
  compared(
    deepEqual(received, expected, 'loose'),
    () => `expected ${inline(received)} ${worded(context, 'to deeply equal', 'to not deeply equal')} ${inline(expected)}`,
    expected,
    received,
  );

export const toStrictEqual: Matcher = (context, received, expected) =>
  compared(
    deepEqual(received, expected, 'strict'),
    () => `expected ${inline(received)} ${worded(context, 'to strictly equal', 'to not strictly equal')} ${inline(expected)}`,
    expected,
    received,
  );

export const toMatchObject: Matcher = (context, received, expected) => {
  if (typeof received !== 'object' || received === null || typeof expected !== 'object' || expected === null) {
    return invalid(`toMatchObject needs objects on both sides, received ${inline(received)} and ${inline(expected)}`);
  }
  return compared(
    deepEqual(received, expected, 'subset'),
    () => `expected ${inline(received)} ${worded(context, 'to match object', 'to not match object')} ${inline(expected)}`,
    expected,
    received,
  );
};

export const toBeCloseTo: Matcher = (context, received, expected, digits = 2) => {
  if (typeof received !== 'number' || typeof expected !== 'number' || typeof digits !== 'number') {
    return invalid(`toBeCloseTo needs numbers, received ${inline(received)} and ${inline(expected)}`);
  }
  const tolerance = mathPow(10, -digits) / 2;
  const difference = mathAbs(received - expected);
  const pass = received === expected || difference < tolerance;
  return compared(pass, () => {
    const head = `expected ${inline(received)} ${worded(context, 'to be close to', 'to not be close to')} ${inline(expected)}`;
    return `${head}, received difference is ${difference}, but expected ${numberToFixed(tolerance, digits + 1)}`;
  }, expected, received);
};

export const toBeOneOf: Matcher = (context, received, options) => {
  if (typeTag(options) !== 'Array') return invalid(`toBeOneOf needs an array of options, received ${inline(options)}`);
  let pass = false;
  for (const option of options as unknown[]) {
    if (deepEqual(received, option, 'loose')) {
      pass = true;
      break;
    }
  }
  return compared(pass, () => `expected ${inline(received)} ${worded(context, 'to be one of', 'to not be one of')} ${inline(options)}`, options, received);
};

export const toSatisfy: Matcher = (context, received, predicate, label) => {
  if (typeof predicate !== 'function') return invalid('toSatisfy needs a predicate function');
  const pass = !!predicate(received);
  const name = typeof label === 'string' ? label : inline(predicate);
  return { pass, message: () => `expected ${inline(received)} ${worded(context, 'to satisfy', 'to not satisfy')} ${name}` };
};
