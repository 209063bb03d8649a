import { ConsoleBuffer } from '../console-capture.ts';
import type { CallOutcome, SandboxBackend, SandboxFailure, SuiteResult } from '../types.ts';
import { runInIsolate } from './run-in-isolate.ts';
import { buildSuiteResult, parseReport, TestProgress } from '../suite-result.ts';

/**
 * The `isolate` runtime: every verify and every call runs in a fresh V8 isolate (isolated-vm) with
 * no ambient APIs at all; tool code reaches the host only through the bridge, and only with
 * string copies. Wall time, CPU time and the abort signal are enforced from the host by disposing
 * the isolate; the heap limit by isolated-vm itself.
 */
export function createIsolateBackend(): SandboxBackend {
  return {
    runtime: 'isolate',

    async verify({ pkg, limits, signal }): Promise<SuiteResult> {
      const started = performance.now();
      const console = new ConsoleBuffer(limits.maxConsoleBytes);
      const finish = (tests: SuiteResult['tests'], error: SandboxFailure | undefined): SuiteResult =>
        buildSuiteResult({ runtime: 'isolate', tests, error, durationMs: elapsed(started), console: console.snapshot() });
      if (signal?.aborted) return finish([], { code: 'aborted', message: 'the suite was aborted before it started' });
      const progress = new TestProgress();
      const run = await runInIsolate({ purpose: 'verify', pkg, limits, signal, console, onEvent: (event) => progress.onEvent(event) });
      if (!run.ok) return finish(progress.afterStop(run.failure.message), run.failure);
      const report = parseReport(run.json);
      return finish(report.error?.code === 'sandbox_failed' ? progress.finished : report.tests, report.error);
    },

    async call({ pkg, args, limits, signal }): Promise<CallOutcome> {
      const started = performance.now();
      const console = new ConsoleBuffer(limits.maxConsoleBytes);
      const failed = (error: SandboxFailure): CallOutcome =>
        ({ ok: false, runtime: 'isolate', error, durationMs: elapsed(started), console: console.snapshot() });
      let argsJson: string;
      try {
        argsJson = JSON.stringify(args) ?? 'null';
      } catch (error) {
        return failed({ code: 'not_serializable', message: `the arguments cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}` });
      }
      const argsBytes = Buffer.byteLength(argsJson);
      if (argsBytes > limits.maxArgsBytes) {
        return failed({
          code: 'args_too_large',
          message: `the arguments are ${argsBytes} bytes of JSON, over limits.maxArgsBytes (${limits.maxArgsBytes}); send less, or raise that limit`,
        });
      }
      if (signal?.aborted) return failed({ code: 'aborted', message: 'the call was aborted before it started' });
      const run = await runInIsolate({ purpose: 'call', pkg, limits, signal, console, argsJson });
      if (!run.ok) return failed(run.failure);
      let value: unknown;
      try {
        value = JSON.parse(run.json);
      } catch {
        return failed({ code: 'sandbox_failed', message: 'the result from the sandbox is not valid JSON' });
      }
      return { ok: true, runtime: 'isolate', value, durationMs: elapsed(started), console: console.snapshot() };
    },
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
