// `expect.any(Number)`, `expect.objectContaining({...})` and friends, plus the `expect.not.*` forms.
import { markAsymmetric, type AsymmetricMatcher, type EqualsFn } from './asymmetric-marker.ts';
import { formatValue } from './format-value.ts';
import {
  arrayIsArray,
  mathAbs,
  mathPow,
  objectKeys,
  regExpTest,
  RegExpCtor,
  stringIncludes,
  TypeErrorCtor,
  objectFreeze,
} from './intrinsics.ts';

function show(value: unknown): string {
  return formatValue(value, { singleLine: true, maxLength: 200 });
}

function matcher(
  kind: 'String' | 'Array' | 'Object',
  rule: 'Containing' | 'Matching',
  inverse: boolean,
  sample: unknown,
  test: (other: unknown, equals: EqualsFn) => boolean,
): AsymmetricMatcher {
  const label = `${kind}${inverse ? 'Not' : ''}${rule}`;
  return markAsymmetric({
    asymmetricMatch: (other, equals) => test(other, equals) !== inverse,
    toString: () => `${label} ${show(sample)}`,
  });
}

export function any(ctor: unknown): AsymmetricMatcher {
  if (typeof ctor !== 'function') {
    throw new TypeErrorCtor('expect.any() needs a constructor, like expect.any(String) or expect.any(MyClass)');
  }
  const name = typeof ctor.name === 'string' && ctor.name !== '' ? ctor.name : 'anonymous';
  return markAsymmetric({
    asymmetricMatch: (other) => {
      if (ctor === String) return typeof other === 'string' || other instanceof String;
      if (ctor === Number) return typeof other === 'number' || other instanceof Number;
      if (ctor === Boolean) return typeof other === 'boolean' || other instanceof Boolean;
      if (ctor === BigInt) return typeof other === 'bigint';
      if (ctor === Symbol) return typeof other === 'symbol';
      if (ctor === Function) return typeof other === 'function';
      if (ctor === Object) return typeof other === 'object' && other !== null;
      return other instanceof (ctor as new () => unknown);
    },
    toString: () => `Any<${name}>`,
  });
}

export function anything(): AsymmetricMatcher {
  return markAsymmetric({
    asymmetricMatch: (other) => other !== null && other !== undefined,
    toString: () => 'Anything',
  });
}

export function stringContaining(part: string, inverse = false): AsymmetricMatcher {
  if (typeof part !== 'string') throw new TypeErrorCtor('expect.stringContaining() needs a string');
  return matcher('String', 'Containing', inverse, part, (other) => typeof other === 'string' && stringIncludes(other, part));
}

export function stringMatching(pattern: string | RegExp, inverse = false): AsymmetricMatcher {
  const regexp = typeof pattern === 'string' ? new RegExpCtor(pattern) : pattern;
  if (!(regexp instanceof RegExpCtor)) throw new TypeErrorCtor('expect.stringMatching() needs a string or a RegExp');
  return matcher('String', 'Matching', inverse, regexp, (other) => typeof other === 'string' && regExpTest(regexp, other));
}

export function arrayContaining(sample: readonly unknown[], inverse = false): AsymmetricMatcher {
  if (!arrayIsArray(sample)) throw new TypeErrorCtor('expect.arrayContaining() needs an array');
  return matcher('Array', 'Containing', inverse, sample, (other, equals) => {
    if (!arrayIsArray(other)) return false;
    for (const wanted of sample) {
      let found = false;
      for (const item of other) {
        if (equals(item, wanted)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  });
}

export function objectContaining(sample: Record<string, unknown>, inverse = false): AsymmetricMatcher {
  if (typeof sample !== 'object' || sample === null) throw new TypeErrorCtor('expect.objectContaining() needs an object');
  return matcher('Object', 'Containing', inverse, sample, (other, equals) => {
    if (typeof other !== 'object' || other === null) return false;
    for (const key of objectKeys(sample)) {
      if (!(key in other)) return false;
      if (!equals((other as Record<string, unknown>)[key], sample[key])) return false;
    }
    return true;
  });
}

export function closeTo(expected: number, digits = 2): AsymmetricMatcher {
  const tolerance = mathPow(10, -digits) / 2;
  return markAsymmetric({
    asymmetricMatch: (other) => typeof other === 'number' && (other === expected || mathAbs(other - expected) < tolerance),
    toString: () => `NumberCloseTo ${expected} (${digits} digits)`,
  });
}

/** `expect.not.*`: the same matchers, matching what the positive form does not. */
export const notMatchers = objectFreeze({
  stringContaining: (part: string) => stringContaining(part, true),
  stringMatching: (pattern: string | RegExp) => stringMatching(pattern, true),
  arrayContaining: (sample: readonly unknown[]) => arrayContaining(sample, true),
  objectContaining: (sample: Record<string, unknown>) => objectContaining(sample, true),
});
