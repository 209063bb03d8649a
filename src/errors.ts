/**
 * One error family for all of Toolsmith, split by who is at fault:
 * - `user`: bad input (a malformed manifest, arguments that break the schema). Fix the input.
 * - `model`: the model replied wrongly (unparseable JSON, code that does not compile).
 * - `system`: the machine or a dependency failed (sandbox missing, database locked).
 *
 * Edges (CLI exit codes, HTTP statuses) map `kind` and `code` once; nothing else inspects messages.
 *
 * @example
 * throw new ToolsmithError({ kind: 'user', code: 'manifest_invalid',
 *   message: 'tool.json:3: "name" must be snake_case', hint: 'rename it to reverse_string' });
 */
export type ErrorKind = 'user' | 'model' | 'system';

const marker = Symbol.for('toolsmith.error');

export interface ToolsmithErrorOptions {
  kind: ErrorKind;
  code: string;
  message: string;
  /** How to fix it, in one sentence. */
  hint?: string;
  retryable?: boolean;
  cause?: unknown;
  /** Structured detail for machine-readable output (file, line, failing tests...). */
  details?: Record<string, unknown>;
}

export class ToolsmithError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly hint: string | undefined;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;
  private readonly [marker] = true;

  constructor(options: ToolsmithErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ToolsmithError';
    this.kind = options.kind;
    this.code = options.code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
    this.details = options.details;
  }

  /** Survives duplicate copies of this module (two bundles, two versions). */
  static isInstance(error: unknown): error is ToolsmithError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }

  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.hint === undefined ? {} : { hint: this.hint }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

export function userError(code: string, message: string, hint?: string, details?: Record<string, unknown>): ToolsmithError {
  return new ToolsmithError({ kind: 'user', code, message, ...(hint === undefined ? {} : { hint }), ...(details ? { details } : {}) });
}

export function systemError(code: string, message: string, hint?: string, cause?: unknown): ToolsmithError {
  return new ToolsmithError({ kind: 'system', code, message, ...(hint === undefined ? {} : { hint }), cause });
}

/** A readable message for anything thrown, including non-Error values. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
