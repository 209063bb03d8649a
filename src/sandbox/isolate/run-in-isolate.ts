// One run in a fresh isolate: prelude (the bridge), harness script, the package's bundle, then
// the tool call or the suite. The isolate is disposed at the end whatever happened. Only the
// async isolated-vm APIs are used: the sync ones would block the host thread on tool code.
import type ivm from 'isolated-vm';
import type { HarnessEvent } from '../bridge.ts';
import type { ConsoleBuffer } from '../console-capture.ts';
import { getHarnessScript } from '../harness/harness-script.ts';
import type { SandboxFailure, SandboxFailureCode, SandboxLimits } from '../types.ts';
import { bundleToolPackage, type ToolPackage } from '../../tool-package/index.ts';
import { createBridgeHost } from './bridge-host.ts';
import { compileScript } from './compile-script.ts';
import { takeFreshIsolate } from './fresh-isolate.ts';
import { createReadFileCapability } from './fs-read-capability.ts';
import { PRELUDE_SOURCE } from './prelude-source.ts';
import { startRunGuard } from './run-guard.ts';

export type IsolateRunRequest = {
  pkg: ToolPackage;
  limits: SandboxLimits;
  signal: AbortSignal | undefined;
  console: ConsoleBuffer;
} & (
  | { purpose: 'call'; argsJson: string }
  | { purpose: 'verify'; onEvent: (event: HarnessEvent) => void }
);

/** `json` is the tool's result (call) or the harness report (verify), as produced in the isolate. */
export type IsolateRunResult = { ok: true; json: string } | { ok: false; failure: SandboxFailure };

const RESULT_CODES: ReadonlySet<string> = new Set<SandboxFailureCode>(['load_failed', 'tool_threw', 'not_a_function', 'not_serializable', 'sandbox_failed']);

// The harness report carries test names and failure messages, not tool output, so it gets a
// fixed ceiling of its own rather than `maxResultBytes`.
const MAX_REPORT_CHARS = 16 * 1024 * 1024;

type Stage = 'setup' | 'load' | 'run';

export async function runInIsolate(request: IsolateRunRequest): Promise<IsolateRunResult> {
  const { pkg, limits } = request;
  const what = request.purpose === 'call' ? 'call' : 'suite';
  const [harnessCode, bundle] = await Promise.all([getHarnessScript(), bundleToolPackage({ pkg, purpose: request.purpose })]);
  if (request.signal?.aborted) return { ok: false, failure: { code: 'aborted', message: `the ${what} was aborted before it started` } };

  const { isolate, context: contextReady } = takeFreshIsolate(limits.memoryMb);
  const guard = startRunGuard({ isolate, limits, what, signal: request.signal });
  const bridge = createBridgeHost({
    console: request.console,
    consoleBudget: limits.maxConsoleBytes,
    readFile: createReadFileCapability({ pkg, maxBytes: limits.maxResultBytes }),
    ...(request.purpose === 'verify' ? { onEvent: request.onEvent } : {}),
    maxSleepMs: what === 'call' ? limits.callTimeoutMs : limits.suiteTimeoutMs,
  });
  let stage: Stage = 'setup';
  try {
    const context = await guard.race(contextReady);
    const prelude = await guard.race(compileScript(isolate, { code: PRELUDE_SOURCE, key: 'toolsmith-prelude', filename: 'file:///toolsmith-prelude.js' }));
    const install: ivm.Reference = await guard.race(prelude.run(context, { reference: true, timeout: guard.remainingMs() }));
    const control: ivm.Reference = await guard.race(install.apply(undefined, [...bridge.handles], { result: { reference: true }, timeout: guard.remainingMs() }));
    const harness = await guard.race(compileScript(isolate, { code: harnessCode, key: 'toolsmith-harness', filename: 'file:///toolsmith-harness.js' }));
    await guard.race(harness.run(context, { timeout: guard.remainingMs() }));
    const captured: unknown = await guard.race(control.apply(undefined, ['capture'], { timeout: guard.remainingMs() }));
    if (captured !== 'ok') return fail('sandbox_failed', `the harness did not start: ${String(captured)}`);

    stage = 'load';
    // Wrapped in a function so a throw at load lands in the prelude's try/catch, in the isolate,
    // with the real thrown value. esbuild's IIFE keeps everything local, so wrapping changes nothing.
    const wrapped = await guard.race(
      compileScript(isolate, { code: `(function () {\n${bundle.code}\n})`, key: bundle.hash, filename: `file:///${pkg.manifest.name}.js` }),
    );
    const entry: ivm.Reference = await guard.race(wrapped.run(context, { reference: true, timeout: guard.remainingMs() }));
    const loaded = pair(await guard.race(control.apply(undefined, ['load', entry.derefInto(), request.purpose], { result: { copy: true }, timeout: guard.remainingMs() })));
    if (loaded === undefined) return fail('sandbox_failed', 'the sandbox returned a malformed answer while loading');
    if (loaded[0] !== 'ok') return fail(loaded[0], loaded[1]);

    stage = 'run';
    const args = request.purpose === 'call'
      ? ['call', pkg.manifest.name, request.argsJson, limits.maxResultBytes]
      : ['verify', limits.testTimeoutMs];
    const answer = pair(await guard.race(control.apply(undefined, args, { arguments: { copy: true }, result: { promise: true, copy: true }, timeout: guard.remainingMs() })));
    if (answer === undefined) return fail('sandbox_failed', `the sandbox returned a malformed ${request.purpose === 'call' ? 'result' : 'report'}`);
    const [status, text] = answer;
    if (status === 'output_limit') return fail('output_limit', resultTooLarge(/^\d+$/.test(text) ? `at least ${text} bytes` : 'too large', limits));
    if (status !== 'ok') return fail(status, text);
    if (request.purpose === 'call' && Buffer.byteLength(text) > limits.maxResultBytes) return fail('output_limit', resultTooLarge(`${Buffer.byteLength(text)} bytes`, limits));
    if (request.purpose === 'verify' && text.length > MAX_REPORT_CHARS) return fail('sandbox_failed', `the test report is over ${MAX_REPORT_CHARS} characters`);
    return { ok: true, json: text };
  } catch (error) {
    const failure = guard.limitFailure(error);
    if (failure !== undefined) return { ok: false, failure };
    const message = error instanceof Error ? error.message : String(error);
    if (stage === 'load') return fail('load_failed', `the ${request.purpose === 'call' ? 'tool' : 'test file'} could not be loaded: ${message}`);
    return fail('sandbox_failed', `the isolate failed ${stage === 'setup' ? 'to start' : 'while running'}: ${message}`);
  } finally {
    guard.stop();
    bridge.close();
    if (!isolate.isDisposed) isolate.dispose();
  }
}

function fail(code: string, message: string): IsolateRunResult {
  return { ok: false, failure: { code: RESULT_CODES.has(code) || code === 'output_limit' ? (code as SandboxFailureCode) : 'sandbox_failed', message } };
}

/** The prelude answers `[status, text]`; anything else means the isolate was tampered with. */
function pair(value: unknown): [string, string] | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [status, text] = value as unknown[];
  return typeof status === 'string' && typeof text === 'string' ? [status, text] : undefined;
}

function resultTooLarge(size: string, limits: SandboxLimits): string {
  return `the result is ${size} as JSON, over limits.maxResultBytes (${limits.maxResultBytes}); return less, or raise that limit`;
}
