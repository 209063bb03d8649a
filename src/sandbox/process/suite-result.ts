import type { SandboxFailure, SuiteResult, TestResult } from '../types.ts';

/** Tracks which test is running from the harness's events, to blame it if the run is killed. */
export class TestProgress {
  readonly finished: TestResult[] = [];
  private running: { name: string; startedAt: number } | undefined;

  onEvent(event: { type: 'test-start'; name: string } | { type: 'test-end'; result: TestResult }): void {
    if (event.type === 'test-start') {
      this.running = { name: event.name, startedAt: performance.now() };
    } else {
      this.finished.push(event.result);
      this.running = undefined;
    }
  }

  /** The finished tests, plus the one that was running marked failed with `reason`. */
  afterKill(reason: string): TestResult[] {
    if (this.running === undefined) return [...this.finished];
    const { name, startedAt } = this.running;
    return [...this.finished, { name, status: 'failed', durationMs: Math.round(performance.now() - startedAt), failure: { message: reason } }];
  }
}

/** `ok` only when at least one test passed, none failed and nothing stopped the suite. */
export function buildSuiteResult(options: { tests: TestResult[]; error?: SandboxFailure | undefined; durationMs: number; console: SuiteResult['console'] }): SuiteResult {
  const { tests } = options;
  const totals = {
    total: tests.length,
    passed: tests.filter((test) => test.status === 'passed').length,
    failed: tests.filter((test) => test.status === 'failed').length,
    skipped: tests.filter((test) => test.status === 'skipped').length,
  };
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
    runtime: 'process',
    tests,
    totals,
    durationMs: options.durationMs,
    console: options.console,
    ...(error ? { error } : {}),
  };
}
