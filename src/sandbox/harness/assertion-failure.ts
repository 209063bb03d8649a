// The error a failed matcher throws, and how any thrown value becomes a report failure.
import { formatValue } from './format-value.ts';
import { ErrorCtor, typeTag, WeakMapCtor, weakMapGet, weakMapSet } from './intrinsics.ts';

/** What a failed test reports: always strings, whatever was thrown. */
export interface FailureDetail {
  message: string;
  expected?: string;
  received?: string;
}

// Remembered outside the error object, so tool code cannot forge or strip the details.
const details = new WeakMapCtor<object, FailureDetail>();

export class AssertionFailure extends ErrorCtor {
  override name = 'AssertionError';
  readonly expected: string | undefined;
  readonly received: string | undefined;

  constructor(detail: FailureDetail) {
    super(detail.message);
    this.expected = detail.expected;
    this.received = detail.received;
    weakMapSet(details, this, { ...detail });
  }
}

export function assertionFailure(message: string, expected?: string, received?: string): AssertionFailure {
  return new AssertionFailure({
    message,
    ...(expected === undefined ? {} : { expected }),
    ...(received === undefined ? {} : { received }),
  });
}

/**
 * A thrown value as a failure. Assertion failures keep their message and values; other errors
 * read `Name: message` (`TypeError: x is not a function`); non-errors are shown as values.
 */
export function describeThrown(thrown: unknown): FailureDetail {
  try {
    if (typeof thrown === 'object' && thrown !== null) {
      const known = weakMapGet(details, thrown) as FailureDetail | undefined;
      if (known !== undefined) return { ...known };
      if (typeTag(thrown) === 'Error' || thrown instanceof ErrorCtor) return { message: errorText(thrown as Error) };
    }
    return { message: `Thrown value is not an Error: ${formatValue(thrown, { singleLine: true, maxLength: 2000 })}` };
  } catch {
    return { message: 'A value was thrown that could not be described' };
  }
}

/** One line for an error: `Name: message`, the name left out for plain assertion-style errors. */
export function errorText(error: Error): string {
  const name = typeof error.name === 'string' && error.name !== '' ? error.name : 'Error';
  const message = typeof error.message === 'string' ? error.message : formatValue(error.message);
  return message === '' ? name : `${name}: ${message}`;
}

/** The text of anything thrown, for one-line uses (hook errors, collection errors). */
export function thrownText(thrown: unknown): string {
  return describeThrown(thrown).message;
}
