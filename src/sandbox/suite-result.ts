// Turns what a verify run produced into a `SuiteResult`: the harness report when the suite
// finished, or the tests reported so far when it was stopped.
import type { ToolRuntime } from '../tool-package/index.ts';
import type { HarnessEvent } from './bridge.ts';
import { HarnessReportSchema, type ConsoleCapture, type SandboxFailure, type SuiteResult, type TestResult } from './types.ts';

/** Follows the harness's progress events, so the test that was running can be blamed if the run is killed. */
export class TestProgress {
  readonly finished: TestResult[] = [];
  private running: { name: string; startedAt: number } | undefined;

  onEvent(event: HarnessEvent): void {
    if (event.type === 'test-start') {
      this.running = { name: event.name, startedAt: performance.now() };
    } else {
      this.finished.push(event.result);
      this.running = undefined;
    }
  }

  /** The finished tests, plus the one that was running, failed with `reason`. */
  afterStop(reason: string): TestResult[] {
    if (this.running === undefined) return [...this.finished];
    const { name, startedAt } = this.running;
    return [...this.finished, { name, status: 'failed', durationMs: Math.round(performance.now() - startedAt), failure: { message: reason } }];
  }
}

/** Reads the report JSON from the isolate; it comes from untrusted code, so it is validated. */
export function parseReport(json: string): { tests: TestResult[]; error?: SandboxFailure } {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = undefined;
  }
  const report = HarnessReportSchema.safeParse(raw);
  if (!report.success) {
    return { tests: [], error: { code: 'sandbox_failed', message: `the test report from the sandbox is malformed: ${report.error.message}` } };
  }
  const { tests, error } = report.data;
  return error === undefined ? { tests } : { tests, error: { code: 'load_failed', message: error } };
}

/** `ok` only when at least one test passed, none failed and nothing stopped the suite. */
export function buildSuiteResult(options: {
  runtime: ToolRuntime;
  tests: TestResult[];
  error?: SandboxFailure | undefined;
  durationMs: number;
  console: ConsoleCapture;
}): SuiteResult {
  const { tests } = options;
  const count = (status: TestResult['status']) => tests.filter((test) => test.status === status).length;
  const totals = { total: tests.length, passed: count('passed'), failed: count('failed'), skipped: count('skipped') };
  let error = options.error;
  if (error === undefined && totals.passed === 0 && totals.failed === 0) {
    error = {
      code: 'load_failed',
      message: totals.skipped > 0
        ? 'the suite has no tests that ran: every test is skipped'
        : 'the suite has no tests: tool.test.ts registered none; add it(...) cases that call the tool',
    };
  }
  return {
    ok: error === undefined && totals.failed === 0 && totals.passed > 0,
    runtime: options.runtime,
    tests,
    totals,
    durationMs: options.durationMs,
    console: options.console,
    ...(error === undefined ? {} : { error }),
  };
}
