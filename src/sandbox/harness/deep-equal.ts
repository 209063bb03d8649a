// Equality as vitest's `toEqual` / `toStrictEqual` / `toMatchObject` see it:
// - loose (`toEqual`): properties holding `undefined` are ignored, holes equal `undefined`,
//   classes are not compared, only the kind of object (array, map, date...).
// - strict (`toStrictEqual`): also compares prototypes, `undefined` properties and holes.
// - subset (`toMatchObject`): the expected side lists only the properties that must match.
// Primitives compare with `Object.is` (so NaN equals NaN and 0 does not equal -0); cycles are
// followed once.
import { isAsymmetricMatcher } from './asymmetric-marker.ts';
import {
  NumberCtor,
  StringCtor,
  arrayIsArray,
  arrayPop,
  arrayPush,
  dateGetTime,
  getOwnPropertyNames,
  getOwnPropertySymbols,
  getPrototypeOf,
  hasOwn,
  isArrayBufferView,
  mapEntries,
  mapGet,
  mapHas,
  mapSize,
  objectIs,
  propertyIsEnumerable,
  regExpToString,
  setHas,
  setSize,
  setValues,
  typeTag,
} from './intrinsics.ts';

export type EqualityMode = 'loose' | 'strict' | 'subset';

/** Whether `actual` equals `expected` under the mode. Asymmetric matchers may sit on either side. */
export function deepEqual(actual: unknown, expected: unknown, mode: EqualityMode = 'loose'): boolean {
  return equal(actual, expected, mode, [], []);
}

const looseEquals = (a: unknown, b: unknown): boolean => equal(a, b, 'loose', [], []);

function equal(a: unknown, b: unknown, mode: EqualityMode, aStack: unknown[], bStack: unknown[]): boolean {
  if (isAsymmetricMatcher(b)) return b.asymmetricMatch(a, looseEquals);
  if (isAsymmetricMatcher(a)) return a.asymmetricMatch(b, looseEquals);
  if (objectIs(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

  const tag = typeTag(a);
  if (tag !== typeTag(b)) return false;
  if (mode === 'strict' && getPrototypeOf(a) !== getPrototypeOf(b)) return false;
  switch (tag) {
    case 'Number':
      return objectIs(NumberCtor(a), NumberCtor(b));
    case 'String':
    case 'Boolean':
      return StringCtor(a) === StringCtor(b);
    case 'Date':
      return objectIs(dateGetTime(a as Date), dateGetTime(b as Date));
    case 'RegExp':
      return regExpToString(a as RegExp) === regExpToString(b as RegExp);
    case 'Error': {
      const ea = a as Error;
      const eb = b as Error;
      if (ea.name !== eb.name || ea.message !== eb.message) return false;
      break;
    }
    default:
      break;
  }

  // A cycle: equal if both sides loop back to the same depth.
  for (let i = aStack.length - 1; i >= 0; i--) {
    if (aStack[i] === a) return bStack[i] === b;
  }
  arrayPush(aStack, a);
  arrayPush(bStack, b);
  try {
    return equalContents(a, b, tag, mode, aStack, bStack);
  } finally {
    arrayPop(aStack);
    arrayPop(bStack);
  }
}

function equalContents(a: object, b: object, tag: string, mode: EqualityMode, aStack: unknown[], bStack: unknown[]): boolean {
  if (tag === 'Map') return equalMaps(a as Map<unknown, unknown>, b as Map<unknown, unknown>, mode, aStack, bStack);
  if (tag === 'Set') return equalSets(a as Set<unknown>, b as Set<unknown>, mode, aStack, bStack);
  if (tag === 'ArrayBuffer') {
    return equalContents(new Uint8Array(a as ArrayBuffer), new Uint8Array(b as ArrayBuffer), 'Uint8Array', mode, aStack, bStack);
  }
  if (arrayIsArray(a) || isArrayBufferView(a)) {
    const la = a as ArrayLike<unknown>;
    const lb = b as ArrayLike<unknown>;
    if (tag === 'DataView') {
      return equalContents(viewBytes(a as DataView), viewBytes(b as DataView), 'Uint8Array', mode, aStack, bStack);
    }
    if (la.length !== lb.length) return false;
    for (let i = 0; i < la.length; i++) {
      if (mode === 'strict' && hasOwn(la, i) !== hasOwn(lb, i)) return false;
      if (!equal(la[i], lb[i], mode, aStack, bStack)) return false;
    }
    return equalKeys(a, b, mode, aStack, bStack, true);
  }
  return equalKeys(a, b, mode, aStack, bStack, false);
}

function viewBytes(view: DataView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function equalMaps(a: Map<unknown, unknown>, b: Map<unknown, unknown>, mode: EqualityMode, aStack: unknown[], bStack: unknown[]): boolean {
  if (mapSize(a) !== mapSize(b)) return false;
  const others = mapEntries(b);
  for (const [key, value] of mapEntries(a)) {
    if (mapHas(b, key)) {
      if (!equal(value, mapGet(b, key), mode, aStack, bStack)) return false;
      continue;
    }
    let found = false;
    for (const [otherKey, otherValue] of others) {
      if (equal(key, otherKey, mode, aStack, bStack) && equal(value, otherValue, mode, aStack, bStack)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function equalSets(a: Set<unknown>, b: Set<unknown>, mode: EqualityMode, aStack: unknown[], bStack: unknown[]): boolean {
  if (setSize(a) !== setSize(b)) return false;
  const others = setValues(b);
  for (const value of setValues(a)) {
    if (setHas(b, value)) continue;
    let found = false;
    for (const other of others) {
      if (equal(value, other, mode, aStack, bStack)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** Own enumerable keys (strings, then symbols); for arrays and typed arrays, only the non-index ones. */
function ownKeys(value: object, skipIndexes: boolean): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const key of getOwnPropertyNames(value)) {
    if (skipIndexes && isIndex(key)) continue;
    if (propertyIsEnumerable(value, key)) arrayPush(keys, key);
  }
  for (const key of getOwnPropertySymbols(value)) {
    if (propertyIsEnumerable(value, key)) arrayPush(keys, key);
  }
  return keys;
}

function isIndex(key: string): boolean {
  if (key === '') return false;
  for (let i = 0; i < key.length; i++) {
    const char = key[i]!;
    if (char < '0' || char > '9') return false;
  }
  return key === '0' || key[0] !== '0';
}

function equalKeys(a: object, b: object, mode: EqualityMode, aStack: unknown[], bStack: unknown[], skipIndexes: boolean): boolean {
  const ra = a as Record<PropertyKey, unknown>;
  const rb = b as Record<PropertyKey, unknown>;
  if (mode === 'subset') {
    // Every property the expected side names must be present on the actual side and match.
    for (const key of ownKeys(b, skipIndexes)) {
      if (!(key in a)) return false;
      if (!equal(ra[key], rb[key], mode, aStack, bStack)) return false;
    }
    return true;
  }
  const keysA = definedKeys(a, mode, skipIndexes);
  const keysB = definedKeys(b, mode, skipIndexes);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!hasOwn(b, key)) return false;
    if (!equal(ra[key], rb[key], mode, aStack, bStack)) return false;
  }
  return true;
}

function definedKeys(value: object, mode: EqualityMode, skipIndexes: boolean): PropertyKey[] {
  const keys = ownKeys(value, skipIndexes);
  if (mode === 'strict') return keys;
  const kept: PropertyKey[] = [];
  for (const key of keys) {
    if ((value as Record<PropertyKey, unknown>)[key] !== undefined) arrayPush(kept, key);
  }
  return kept;
}
