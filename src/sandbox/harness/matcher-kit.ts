// What every matcher receives and returns, and the helpers that word their messages.
import { formatValue } from './format-value.ts';

export interface MatcherContext {
  /** `.not` was used: the message must describe the negated expectation. */
  isNot: boolean;
  /** Set when the value came through `.resolves` or `.rejects`. */
  promise: '' | 'resolves' | 'rejects';
}

export interface MatcherOutcome {
  /** Whether the positive expectation holds; `expect` compares it with `isNot`. */
  pass: boolean;
  /** Read only on failure, worded for `isNot`. */
  message: () => string;
  expected?: string;
  received?: string;
  /** The matcher was misused (wrong argument types): fails whether or not `.not` was used. */
  invalid?: true;
}

export type Matcher = (context: MatcherContext, received: unknown, ...args: unknown[]) => MatcherOutcome;

/** A value inside a one-line message, as vitest words them: `expected 'a' to be 'b'`. */
export function inline(value: unknown): string {
  return formatValue(value, { singleLine: true, maxLength: 300, depth: 6 });
}

/** A value for the report's `expected` / `received` fields: complete, broken over lines when long. */
export function block(value: unknown): string {
  return formatValue(value, { depth: 8, maxLength: 20_000 });
}

/** Picks the positive or negated wording. */
export function worded(context: MatcherContext, positive: string, negative: string): string {
  return context.isNot ? negative : positive;
}

/** An outcome whose report shows both values. */
export function compared(pass: boolean, message: () => string, expected: unknown, received: unknown): MatcherOutcome {
  return { pass, message, expected: block(expected), received: block(received) };
}

/** A misuse of a matcher, reported as a failure with a message saying how to call it. */
export function invalid(message: string): MatcherOutcome {
  return { pass: false, message: () => message, invalid: true };
}
