// `toThrow` / `toThrowError`: on a function (called here) or, after `.rejects`, on the rejection reason.
import { isAsymmetricMatcher } from './asymmetric-marker.ts';
import { deepEqual } from './deep-equal.ts';
import { inline, invalid, worded, type Matcher, type MatcherContext, type MatcherOutcome } from './matcher-kit.ts';
import { ErrorCtor, RegExpCtor, regExpTest, stringIncludes, typeTag } from './intrinsics.ts';

export const toThrow: Matcher = (context, received, expected) => {
  let thrown: unknown;
  let threw = false;
  let returnedPromise = false;
  if (context.promise === 'rejects') {
    thrown = received;
    threw = true;
  } else {
    if (typeof received !== 'function') {
      return invalid(`toThrow needs a function to call, received ${inline(received)}; wrap the code: expect(() => code()).toThrow()`);
    }
    try {
      const result: unknown = received();
      returnedPromise = typeof (result as { then?: unknown } | null)?.then === 'function';
      // A returned promise is never awaited here; silence its rejection, the hint below explains.
      if (returnedPromise) (result as Promise<unknown>).then(undefined, () => undefined);
    } catch (error) {
      thrown = error;
      threw = true;
    }
  }
  const subject = context.promise === 'rejects' ? 'promise' : inline(received);
  const outcome = judge(context, subject, threw, thrown, expected);
  if (!threw && returnedPromise) {
    const message = outcome.message;
    outcome.message = () => `${message()} (the function returned a promise: use await expect(promise).rejects.toThrow(...))`;
  }
  return outcome;
};

function judge(context: MatcherContext, subject: string, threw: boolean, thrown: unknown, expected: unknown): MatcherOutcome {
  const got = threw ? errorMessage(thrown) : undefined;
  const receivedText = threw ? inline(thrown) : 'nothing was thrown';
  const tail = threw ? `but got ${inline(got)}` : 'but it did not throw';
  if (expected === undefined) {
    return {
      pass: threw,
      message: () => (context.isNot ? `expected ${subject} to not throw an error but ${receivedText} was thrown` : `expected ${subject} to throw an error`),
      received: receivedText,
    };
  }
  if (typeof expected === 'string') {
    return {
      pass: threw && stringIncludes(got!, expected),
      message: () => `expected ${subject} ${worded(context, 'to throw error including', 'to throw error not including')} ${inline(expected)} ${tail}`,
      expected,
      received: got ?? receivedText,
    };
  }
  if (expected instanceof RegExpCtor) {
    return {
      pass: threw && regExpTest(expected, got!),
      message: () => `expected ${subject} ${worded(context, 'to throw error matching', 'to throw error not matching')} ${inline(expected)} ${tail}`,
      expected: inline(expected),
      received: got ?? receivedText,
    };
  }
  if (isAsymmetricMatcher(expected)) {
    return {
      pass: threw && deepEqual(thrown, expected),
      message: () => `expected ${subject} ${worded(context, 'to throw an error matching', 'to not throw an error matching')} ${inline(expected)} ${tail}`,
      expected: inline(expected),
      received: receivedText,
    };
  }
  if (typeof expected === 'function') {
    const name = typeof expected.name === 'string' && expected.name !== '' ? expected.name : inline(expected);
    return {
      pass: threw && thrown instanceof (expected as new () => unknown),
      message: () =>
        `expected ${subject} ${worded(context, 'to throw an instance of', 'to not throw an instance of')} ${name}, ${threw ? `but it threw ${receivedText}` : 'but it did not throw'}`,
      expected: name,
      received: receivedText,
    };
  }
  if (typeTag(expected) === 'Error' || expected instanceof ErrorCtor) {
    const wanted = errorMessage(expected);
    return {
      pass: threw && got === wanted,
      message: () => `expected ${subject} ${worded(context, 'to throw error with message', 'to not throw error with message')} ${inline(wanted)} ${tail}`,
      expected: wanted,
      received: got ?? receivedText,
    };
  }
  return invalid(`toThrow takes nothing, a message substring, a RegExp, an error class or an error object; received ${inline(expected)}`);
}

/** What toThrow compares: an error's message, a thrown string itself, or the value shown. */
function errorMessage(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  if (typeof thrown === 'object' && thrown !== null) {
    const message = (thrown as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return inline(thrown);
}
