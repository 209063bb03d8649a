import { describeError, ToolsmithError } from '../errors.ts';

const BUG_HINT = 'this is a bug in Toolsmith; rerun with TOOLSMITH_DEBUG=1 to see the stack trace and report it';

/** `error: ...` and `hint: ...` lines for stderr; the stack only when debugging. */
export function renderErrorLines(error: unknown, options: { debug: boolean }): string {
  const { message, hint } = summarize(error);
  const lines = [`error: ${message}`, ...(hint === undefined ? [] : [`hint: ${hint}`])];
  if (options.debug) lines.push(...stackLines(error));
  return `${lines.join('\n')}\n`;
}

/** The `--json` form, so scripts get JSON on stdout whatever went wrong. */
export function errorEnvelope(error: unknown, durationMs: number): Record<string, unknown> {
  const { code, message, hint } = summarize(error);
  return { ok: false, error: { code, message, ...(hint === undefined ? {} : { hint }) }, durationMs: Math.round(durationMs) };
}

function summarize(error: unknown): { code: string; message: string; hint: string | undefined } {
  if (ToolsmithError.isInstance(error)) return { code: error.code, message: error.message, hint: error.hint };
  return { code: 'internal_error', message: `internal error: ${describeError(error)}`, hint: BUG_HINT };
}

function stackLines(error: unknown): string[] {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    lines.push(depth === 0 ? '' : 'caused by:', current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return lines;
}
