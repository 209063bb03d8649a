import { objectFreeze } from './intrinsics.ts';

// Kept apart from the matchers themselves so formatting and equality can recognise one without
// importing the code that builds them (which needs equality: a cycle otherwise).

const MARKER: unique symbol = Symbol('toolsmith.asymmetricMatcher');

export type EqualsFn = (a: unknown, b: unknown) => boolean;

/** A value usable inside `toEqual` that matches by a rule instead of by equality. */
export interface AsymmetricMatcher {
  readonly [MARKER]: true;
  asymmetricMatch(other: unknown, equals: EqualsFn): boolean;
  toString(): string;
}

export function markAsymmetric(matcher: Omit<AsymmetricMatcher, typeof MARKER>): AsymmetricMatcher {
  return objectFreeze({ ...matcher, [MARKER]: true as const });
}

export function isAsymmetricMatcher(value: unknown): value is AsymmetricMatcher {
  return typeof value === 'object' && value !== null && (value as { [MARKER]?: unknown })[MARKER] === true;
}
