import { describeError } from '../../errors.ts';
import { ConsoleBuffer } from '../console-capture.ts';
import { HarnessReportSchema, type CallOutcome, type SandboxBackend, type SandboxFailure, type SuiteResult } from '../types.ts';
import { prepareHost, type ConfinementHost } from './prepare-host.ts';
import { runInSandbox } from './run-in-sandbox.ts';
import { buildSuiteResult, TestProgress } from '../suite-result.ts';

export interface ProcessBackendOptions {
  /** bubblewrap to use; when set, only this path is tried. Default: bwrap from the system folders. */
  bwrapPath?: string;
  /** node to run inside (Node 24). Default: the node running Toolsmith. */
  nodePath?: string;
}

/**
 * The `process` runtime: each run is a fresh node under bubblewrap (no network, no host files
 * beyond node itself and the `fs.read` grants, no host environment, rlimits, Node's permission
 * model). Missing or unusable bubblewrap is a `sandbox_unavailable` error on every run; there is
 * no unconfined fallback.
 */
export function createProcessBackend(options: ProcessBackendOptions = {}): SandboxBackend {
  let host: Promise<ConfinementHost> | undefined;
  const ready = (): Promise<ConfinementHost> => {
    // Cached once it works; a failure is retried next run, so installing bubblewrap needs no restart.
    host ??= prepareHost(options).catch((error: unknown) => {
      host = undefined;
      throw error;
    });
    return host;
  };

  return {
    runtime: 'process',

    async verify({ pkg, limits, signal }): Promise<SuiteResult> {
      const started = performance.now();
      const console = new ConsoleBuffer(limits.maxConsoleBytes);
      const finish = (tests: SuiteResult['tests'], error?: SandboxFailure) =>
        buildSuiteResult({ runtime: 'process', tests, error, durationMs: elapsed(started), console: console.snapshot() });
      if (signal?.aborted) return finish([], abortedFailure('suite'));
      const resolvedHost = await ready();
      const progress = new TestProgress();
      const run = await runInSandbox({ host: resolvedHost, pkg, purpose: 'verify', limits, console, onEvent: (event) => progress.onEvent(event), signal });
      if (run.failure !== undefined) return finish(progress.afterStop(run.failure.message), run.failure);
      if (run.final?.t !== 'suite') return finish(progress.afterStop('the run ended without a report'), protocolFailure('a test report'));
      const report = HarnessReportSchema.safeParse(run.final.report);
      if (!report.success) {
        return finish(progress.finished, { code: 'sandbox_failed', message: `the test report from the sandbox is malformed: ${report.error.message}` });
      }
      const { tests, error } = report.data;
      return finish(tests, error === undefined ? undefined : { code: 'load_failed', message: error });
    },

    async call({ pkg, args, limits, signal }): Promise<CallOutcome> {
      const started = performance.now();
      const console = new ConsoleBuffer(limits.maxConsoleBytes);
      const failed = (error: SandboxFailure): CallOutcome =>
        ({ ok: false, runtime: 'process', error, durationMs: elapsed(started), console: console.snapshot() });
      let argsJson: string;
      try {
        argsJson = JSON.stringify(args) ?? 'null';
      } catch (error) {
        return failed({ code: 'not_serializable', message: `the arguments cannot be sent as JSON: ${describeError(error)}` });
      }
      const argsBytes = Buffer.byteLength(argsJson);
      if (argsBytes > limits.maxArgsBytes) {
        return failed({ code: 'args_too_large', message: `the arguments are ${argsBytes} bytes of JSON, over the limit of ${limits.maxArgsBytes}` });
      }
      if (signal?.aborted) return failed(abortedFailure('call'));
      const resolvedHost = await ready();
      const run = await runInSandbox({ host: resolvedHost, pkg, purpose: 'call', argsJson, limits, console, signal });
      if (run.failure !== undefined) return failed(run.failure);
      if (run.final?.t !== 'result') return failed(protocolFailure('a result'));
      return { ok: true, runtime: 'process', value: run.final.value, durationMs: elapsed(started), console: console.snapshot() };
    },
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function abortedFailure(what: 'call' | 'suite'): SandboxFailure {
  return { code: 'aborted', message: `the ${what} was aborted before it started` };
}

function protocolFailure(expected: string): SandboxFailure {
  return { code: 'sandbox_failed', message: `the sandboxed process ended without sending ${expected}` };
}
