// Matchers for `vi.fn()` / `vi.spyOn()` mocks.
import { deepEqual } from './deep-equal.ts';
import { block, inline, invalid, worded, type Matcher, type MatcherContext, type MatcherOutcome } from './matcher-kit.ts';
import { mockStateOf, type MockState } from './mock-fn.ts';
import { arrayJoin, arrayPush } from './intrinsics.ts';

type Judge = (context: MatcherContext, state: MockState, label: string, args: unknown[]) => MatcherOutcome;

function onMock(name: string, judge: Judge): Matcher {
  return (context, received, ...args) => {
    const state = typeof received === 'function' ? mockStateOf(received) : undefined;
    if (state === undefined) return invalid(`${name} needs a mock made with vi.fn() or vi.spyOn(), received ${inline(received)}`);
    return judge(context, state, `"${state.name}"`, args);
  };
}

function callList(calls: readonly unknown[][]): string {
  if (calls.length === 0) return '(no calls)';
  const lines: string[] = [];
  for (let i = 0; i < calls.length; i++) arrayPush(lines, `call ${i + 1}: ${inline(calls[i])}`);
  return arrayJoin(lines, '\n');
}

function times(count: unknown): string {
  return `${count as number} time${count === 1 ? '' : 's'}`;
}

export const toHaveBeenCalled = onMock('toHaveBeenCalled', (context, state, label) => ({
  pass: state.calls.length > 0,
  message: () =>
    context.isNot
      ? `expected ${label} to not be called at all, but it was called ${times(state.calls.length)}`
      : `expected ${label} to be called at least once`,
  received: callList(state.calls),
}));

export const toHaveBeenCalledTimes = onMock('toHaveBeenCalledTimes', (context, state, label, [expected]) => ({
  pass: state.calls.length === expected,
  message: () =>
    `expected ${label} ${worded(context, 'to be called', 'to not be called')} ${times(expected)}, but it was called ${times(state.calls.length)}`,
  expected: `${expected as number}`,
  received: `${state.calls.length}`,
}));

export const toHaveBeenCalledWith = onMock('toHaveBeenCalledWith', (context, state, label, args) => {
  let pass = false;
  for (const call of state.calls) {
    if (deepEqual(call, args, 'loose')) {
      pass = true;
      break;
    }
  }
  return {
    pass,
    message: () => `expected ${label} ${worded(context, 'to be called', 'to not be called')} with arguments: ${inline(args)}`,
    expected: block(args),
    received: callList(state.calls),
  };
});

export const toHaveBeenLastCalledWith = onMock('toHaveBeenLastCalledWith', (context, state, label, args) => {
  const last = state.calls[state.calls.length - 1];
  return {
    pass: last !== undefined && deepEqual(last, args, 'loose'),
    message: () => `expected the last call of ${label} ${worded(context, 'to have', 'to not have')} arguments: ${inline(args)}`,
    expected: block(args),
    received: last === undefined ? '(no calls)' : block(last),
  };
});

export const toHaveReturnedWith = onMock('toHaveReturnedWith', (context, state, label, [expected]) => {
  let pass = false;
  for (const result of state.results) {
    if (result.type === 'return' && deepEqual(result.value, expected, 'loose')) {
      pass = true;
      break;
    }
  }
  return {
    pass,
    message: () => `expected ${label} ${worded(context, 'to return', 'to not return')} ${inline(expected)}`,
    expected: block(expected),
    received: block(state.results),
  };
});
