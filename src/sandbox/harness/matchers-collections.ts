// Matchers that look inside the received value: strings, arrays, iterables and property paths.
import { deepEqual } from './deep-equal.ts';
import { block, compared, inline, invalid, worded, type Matcher } from './matcher-kit.ts';
import {
  ObjectCtor,
  RegExpCtor,
  arrayIsArray,
  arrayJoin,
  arrayPush,
  copyList,
  isArrayBufferView,
  mapEntries,
  objectIs,
  regExpTest,
  setValues,
  stringIncludes,
  typeTag,
} from './intrinsics.ts';

/** The items of an array, typed array, Set or Map (as entries); `undefined` for anything else. */
function itemsOf(value: unknown): unknown[] | undefined {
  if (arrayIsArray(value) || isArrayBufferView(value)) return copyList(value as ArrayLike<unknown>);
  const tag = typeTag(value);
  if (tag === 'Set') return setValues(value as Set<unknown>);
  if (tag === 'Map') return mapEntries(value as Map<unknown, unknown>);
  return undefined;
}

export const toContain: Matcher = (context, received, expected) => {
  let pass: boolean;
  if (typeof received === 'string') {
    if (typeof expected !== 'string') return invalid(`toContain on a string needs a string, received ${inline(expected)}`);
    pass = stringIncludes(received, expected);
  } else {
    const items = itemsOf(received);
    if (items === undefined) return invalid(`toContain needs a string, an array or a Set, received ${inline(received)}`);
    pass = false;
    for (const item of items) {
      if (item === expected || objectIs(item, expected)) {
        pass = true;
        break;
      }
    }
  }
  return compared(pass, () => `expected ${inline(received)} ${worded(context, 'to include', 'to not include')} ${inline(expected)}`, expected, received);
};

export const toContainEqual: Matcher = (context, received, expected) => {
  const items = itemsOf(received);
  if (items === undefined) return invalid(`toContainEqual needs an array or a Set, received ${inline(received)}`);
  let pass = false;
  for (const item of items) {
    if (deepEqual(item, expected, 'loose')) {
      pass = true;
      break;
    }
  }
  return compared(
    pass,
    () => `expected ${inline(received)} ${worded(context, 'to deep equally contain', 'to not deep equally contain')} ${inline(expected)}`,
    expected,
    received,
  );
};

export const toMatch: Matcher = (context, received, expected) => {
  if (typeof received !== 'string') return invalid(`toMatch needs a string to test, received ${inline(received)}`);
  let pass: boolean;
  if (typeof expected === 'string') pass = stringIncludes(received, expected);
  else if (expected instanceof RegExpCtor) {
    // A global or sticky pattern remembers where it stopped; start from the beginning each time.
    const saved = expected.lastIndex;
    expected.lastIndex = 0;
    pass = regExpTest(expected, received);
    expected.lastIndex = saved;
  } else return invalid(`toMatch needs a string or a RegExp to match with, received ${inline(expected)}`);
  return compared(pass, () => `expected ${inline(received)} ${worded(context, 'to match', 'not to match')} ${inline(expected)}`, expected, received);
};

export const toHaveLength: Matcher = (context, received, expected) => {
  if (typeof expected !== 'number') return invalid(`toHaveLength needs a number, received ${inline(expected)}`);
  if (received === null || received === undefined) return invalid(`toHaveLength needs a value with a length, received ${inline(received)}`);
  const length = (received as { length?: unknown }).length;
  if (typeof length !== 'number') return invalid(`expected ${inline(received)} to have a length property, but it has none`);
  return {
    pass: length === expected,
    message: () => `expected ${inline(received)} ${worded(context, 'to have a length of', 'to not have a length of')} ${expected} but got ${length}`,
    expected: `${expected}`,
    received: `${length}`,
  };
};

export const toHaveProperty: Matcher = (context, received, ...args) => {
  const [path, value] = args;
  const keys = propertyPath(received, path);
  if (keys === undefined) return invalid(`toHaveProperty needs a path: a string like 'a.b[0]' or an array of keys, received ${inline(path)}`);
  const shownPath = typeof path === 'string' ? path : arrayJoin(keys, '.');
  let current: unknown = received;
  let found = true;
  for (const key of keys) {
    if (current === null || current === undefined || !(key in ObjectCtor(current))) {
      found = false;
      break;
    }
    current = (current as Record<string, unknown>)[key];
  }
  const checksValue = args.length > 1;
  const pass = found && (!checksValue || deepEqual(current, value, 'loose'));
  const what = `${worded(context, 'to have property', 'to not have property')} "${shownPath}"`;
  if (!checksValue) {
    return { pass, message: () => `expected ${inline(received)} ${what}`, expected: `property "${shownPath}"`, received: block(received) };
  }
  return {
    pass,
    message: () => `expected ${inline(received)} ${what} with value ${inline(value)}${found ? '' : ', but the property is missing'}`,
    expected: block(value),
    received: found ? block(current) : `(no property "${shownPath}")`,
  };
};

/** `'a.b[0].c'` → `['a', 'b', '0', 'c']`; a key that exists as written (`'a.b'`) is kept whole. */
function propertyPath(received: unknown, path: unknown): string[] | undefined {
  if (arrayIsArray(path)) {
    const keys: string[] = [];
    for (const key of path) arrayPush(keys, `${key as string | number}`);
    return keys;
  }
  if (typeof path !== 'string' || path === '') return undefined;
  if (received !== null && received !== undefined && path in ObjectCtor(received)) return [path];
  const keys: string[] = [];
  let part = '';
  for (let i = 0; i < path.length; i++) {
    const char = path[i]!;
    if (char === '.' || char === '[' || char === ']') {
      if (part !== '') arrayPush(keys, part);
      part = '';
    } else part += char;
  }
  if (part !== '') arrayPush(keys, part);
  return keys;
}
