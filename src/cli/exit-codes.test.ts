import { describe, expect, it } from 'vitest';
import { ToolsmithError, systemError, userError } from '../errors.ts';
import type { SuiteResult } from '../sandbox/index.ts';
import { EXIT_CODES, exitCodeForError, exitCodeForFailure, exitCodeForSuite } from './exit-codes.ts';

function suite(overrides: Partial<SuiteResult>): SuiteResult {
  return {
    ok: false,
    runtime: 'isolate',
    tests: [],
    totals: { total: 0, passed: 0, failed: 0, skipped: 0 },
    durationMs: 1,
    console: { text: '', truncated: false },
    ...overrides,
  };
}

describe('exit codes', () => {
  it('maps errors by who is at fault', () => {
    expect(exitCodeForError(userError('arguments_invalid', 'x'))).toBe(2);
    expect(exitCodeForError(new ToolsmithError({ kind: 'model', code: 'reply_unparseable', message: 'x' }))).toBe(1);
    expect(exitCodeForError(systemError('sandbox_unavailable', 'x'))).toBe(3);
  });

  it('treats anything that is not a ToolsmithError as an internal failure', () => {
    expect(exitCodeForError(new TypeError('x is undefined'))).toBe(EXIT_CODES.system);
    expect(exitCodeForError('a string')).toBe(EXIT_CODES.system);
  });

  it("blames the tool for its own failures but the machine for a broken sandbox", () => {
    for (const code of ['timeout', 'cpu_limit', 'memory_limit', 'output_limit', 'tool_threw', 'load_failed', 'not_serializable'] as const) {
      expect(exitCodeForFailure(code)).toBe(1);
    }
    expect(exitCodeForFailure('sandbox_failed')).toBe(3);
    expect(exitCodeForFailure('aborted')).toBe(130);
  });

  it('passes a suite only when the sandbox says it passed', () => {
    expect(exitCodeForSuite(suite({ ok: true }))).toBe(0);
    expect(exitCodeForSuite(suite({ ok: false }))).toBe(1);
    expect(exitCodeForSuite(suite({ error: { code: 'load_failed', message: 'boom' } }))).toBe(1);
    expect(exitCodeForSuite(suite({ error: { code: 'sandbox_failed', message: 'crashed' } }))).toBe(3);
  });
});
