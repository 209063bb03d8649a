// Per-test bookkeeping for `expect`: how many assertions ran, what `expect.assertions(n)` asked
// for, and `.resolves` / `.rejects` checks still pending. The runner resets it for every test.
import { assertionFailure, type AssertionFailure } from './assertion-failure.ts';
import { arrayPush, promiseThen } from './intrinsics.ts';

interface AssertionState {
  count: number;
  expected: number | undefined;
  requireAny: boolean;
  pending: Promise<unknown>[];
}

const state: AssertionState = { count: 0, expected: undefined, requireAny: false, pending: [] };

export function resetAssertions(): void {
  state.count = 0;
  state.expected = undefined;
  state.requireAny = false;
  state.pending = [];
}

export function countAssertion(): void {
  state.count++;
}

export function expectAssertions(count: number): void {
  state.expected = count;
}

export function expectSomeAssertion(): void {
  state.requireAny = true;
}

/** Remembers an async check so one the test forgot to await still fails the test. */
export function trackPending(check: Promise<unknown>): void {
  // Handled here so an unawaited failure is not an unhandled rejection (fatal in a Node process).
  promiseThen(check, () => undefined, () => undefined);
  arrayPush(state.pending, check);
}

/** Awaits the pending async checks; throws the first failure among them. */
export async function settlePending(): Promise<void> {
  const pending = state.pending;
  state.pending = [];
  for (let i = 0; i < pending.length; i++) await pending[i];
}

/** The failure `expect.assertions(n)` / `expect.hasAssertions()` call for, if any. */
export function assertionCountFailure(): AssertionFailure | undefined {
  if (state.expected !== undefined && state.count !== state.expected) {
    return assertionFailure(`expected number of assertions to be ${state.expected}, but got ${state.count}`, `${state.expected}`, `${state.count}`);
  }
  if (state.requireAny && state.count === 0) return assertionFailure('expected any number of assertions, but got none');
  return undefined;
}
