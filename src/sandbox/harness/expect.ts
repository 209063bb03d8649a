// `expect(value)`: the assertion object with every matcher, `.not`, `.resolves` and `.rejects`,
// plus the static helpers (`expect.any`, `expect.assertions`, `expect.extend`...).
import { assertionFailure } from './assertion-failure.ts';
import { countAssertion, expectAssertions, expectSomeAssertion, trackPending } from './assertion-state.ts';
import { any, anything, arrayContaining, closeTo, notMatchers, objectContaining, stringContaining, stringMatching } from './asymmetric.ts';
import { deepEqual } from './deep-equal.ts';
import { inline, type Matcher, type MatcherContext, type MatcherOutcome } from './matcher-kit.ts';
import { BUILT_IN_MATCHERS } from './matchers.ts';
import {
  defineProperty,
  objectCreate,
  objectFreeze,
  objectKeys,
  reflectApply,
  TypeErrorCtor,
} from './intrinsics.ts';

/** A matcher as `expect.extend` receives it, in the shape vitest and jest use. */
type CustomMatcher = (
  this: { isNot: boolean; promise: string; equals: (a: unknown, b: unknown) => boolean },
  received: unknown,
  ...args: unknown[]
) => { pass: boolean; message: () => string; expected?: unknown; actual?: unknown };

type Assertion = Record<string, unknown>;

export function createExpect(): object {
  const matchers: Record<string, Matcher> = objectCreate(null) as Record<string, Matcher>;
  for (const name of objectKeys(BUILT_IN_MATCHERS)) matchers[name] = BUILT_IN_MATCHERS[name]!;

  function assertion(received: unknown, context: MatcherContext, label: string | undefined): Assertion {
    const object: Assertion = {};
    for (const name of objectKeys(matchers)) {
      const matcher = matchers[name]!;
      object[name] = (...args: unknown[]) => invoke(matcher, received, args, context, label);
    }
    defineProperty(object, 'not', { get: () => assertion(received, { ...context, isNot: !context.isNot }, label) });
    if (context.promise === '') {
      defineProperty(object, 'resolves', { get: () => assertion(received, { ...context, promise: 'resolves' }, label) });
      defineProperty(object, 'rejects', { get: () => assertion(received, { ...context, promise: 'rejects' }, label) });
    }
    return object;
  }

  function expect(received: unknown, label?: string): Assertion {
    return assertion(received, { isNot: false, promise: '' }, typeof label === 'string' ? label : undefined);
  }

  const statics = {
    assertions: (count: number) => expectAssertions(count),
    hasAssertions: () => expectSomeAssertion(),
    any,
    anything,
    stringContaining: (part: string) => stringContaining(part),
    stringMatching: (pattern: string | RegExp) => stringMatching(pattern),
    arrayContaining: (sample: readonly unknown[]) => arrayContaining(sample),
    objectContaining: (sample: Record<string, unknown>) => objectContaining(sample),
    closeTo,
    not: notMatchers,
    unreachable: (message?: string): never => {
      throw assertionFailure(message ?? 'expected this code to be unreachable');
    },
    extend: (added: Record<string, CustomMatcher>) => {
      for (const name of objectKeys(added)) {
        const custom = added[name];
        if (typeof custom !== 'function') throw new TypeErrorCtor(`expect.extend: matcher ${name} must be a function`);
        matchers[name] = adaptCustom(custom);
      }
    },
  };
  for (const name of objectKeys(statics)) {
    defineProperty(expect, name, { value: statics[name as keyof typeof statics], enumerable: true });
  }
  return objectFreeze(expect);
}

function invoke(matcher: Matcher, received: unknown, args: unknown[], context: MatcherContext, label: string | undefined): unknown {
  countAssertion();
  if (context.promise === '') {
    check(matcher, received, args, context, label);
    return undefined;
  }
  const settled = checkSettled(matcher, received, args, context, label);
  trackPending(settled);
  return settled;
}

function check(matcher: Matcher, received: unknown, args: unknown[], context: MatcherContext, label: string | undefined): void {
  const outcome: MatcherOutcome = matcher(context, received, ...args);
  if (outcome.invalid !== true && outcome.pass !== context.isNot) return;
  const message = outcome.message();
  throw assertionFailure(label === undefined ? message : `${label}: ${message}`, outcome.expected, outcome.received);
}

async function checkSettled(matcher: Matcher, received: unknown, args: unknown[], context: MatcherContext, label: string | undefined): Promise<void> {
  const subject = typeof received === 'function' ? (received as () => unknown)() : received;
  if (typeof (subject as { then?: unknown } | null)?.then !== 'function') {
    throw assertionFailure(`expected a promise to use .${context.promise}, received ${inline(subject)}`);
  }
  let value: unknown;
  let rejected = false;
  try {
    value = await subject;
  } catch (reason) {
    value = reason;
    rejected = true;
  }
  if (context.promise === 'resolves' && rejected) {
    throw assertionFailure(`promise rejected ${inline(value)} instead of resolving`, undefined, inline(value));
  }
  if (context.promise === 'rejects' && !rejected) {
    throw assertionFailure(`promise resolved ${inline(value)} instead of rejecting`, undefined, inline(value));
  }
  check(matcher, value, args, context, label);
}

function adaptCustom(custom: CustomMatcher): Matcher {
  return (context, received, ...args) => {
    const self = { isNot: context.isNot, promise: context.promise, equals: (a: unknown, b: unknown) => deepEqual(a, b, 'loose') };
    const result = reflectApply(custom, self, [received, ...args]) as ReturnType<CustomMatcher>;
    const message = result.message;
    return {
      pass: !!result.pass,
      message: () => (typeof message === 'function' ? `${message()}` : `${message as unknown as string}`),
      ...('expected' in result ? { expected: inline(result.expected) } : {}),
      ...('actual' in result ? { received: inline(result.actual) } : {}),
    };
  };
}
