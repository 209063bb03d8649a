// Test support (not part of the harness script): a `node:vm` context shaped like an isolate (no
// console, no timers, no Node APIs) with a bridge on real host timers, recording what the harness
// sends back. Tests evaluate the real harness script in it, then plain-JS test files.
import vm from 'node:vm';
import type { HarnessEvent } from '../bridge.ts';
import { HarnessReportSchema, type HarnessReport } from '../types.ts';
import { getHarnessScript } from './harness-script.ts';

export interface LogLine {
  level: string;
  text: string;
}

export interface IsolateLikeContext {
  context: vm.Context;
  logs: LogLine[];
  events: HarnessEvent[];
  /** Evaluates a script the way a backend evaluates the test bundle: a top-level throw is handed to the harness. */
  load(code: string): void;
  evaluate(code: string): unknown;
  run(options?: { testTimeoutMs?: number }): Promise<HarnessReport>;
}

/** The imports a bundled `tool.test.ts` gets, for test files written as plain JS. */
export const VITEST_PRELUDE =
  'const { describe, it, test, expect, beforeAll, afterAll, beforeEach, afterEach, vi } = globalThis.__toolsmith_vitest;\n';

export async function createIsolateLikeContext(options: { files?: Record<string, string>; withHostTimers?: boolean } = {}): Promise<IsolateLikeContext> {
  const logs: LogLine[] = [];
  const events: HarnessEvent[] = [];
  const files = options.files ?? {};
  const bridge = {
    now: () => performance.now(),
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    log: (level: string, text: string) => {
      logs.push({ level, text });
    },
    report: (event: HarnessEvent) => {
      // Copied as a backend would, so later changes inside the sandbox cannot alter the record.
      events.push(JSON.parse(JSON.stringify(event)) as HarnessEvent);
    },
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`fs.read is not granted for ${path}`);
      return text;
    },
  };
  const globals: Record<string, unknown> = { __toolsmith_bridge: bridge };
  if (options.withHostTimers === true) Object.assign(globals, { setTimeout, clearTimeout, setInterval, clearInterval });
  const context = vm.createContext(globals);
  vm.runInContext(await getHarnessScript(), context, { filename: 'toolsmith-harness.js' });
  const evaluate = (code: string): unknown => vm.runInContext(code, context, { filename: 'tool.test.js' });
  return {
    context,
    logs,
    events,
    evaluate,
    load(code) {
      try {
        evaluate(code);
      } catch (error) {
        (vm.runInContext('globalThis.__toolsmith_harness', context) as { recordLoadError(e: unknown): void }).recordLoadError(error);
      }
    },
    async run(runOptions = {}) {
      const harness = vm.runInContext('globalThis.__toolsmith_harness', context) as {
        run(o: { testTimeoutMs: number }): Promise<unknown>;
      };
      const raw = await harness.run({ testTimeoutMs: runOptions.testTimeoutMs ?? 1_000 });
      // The host sees a JSON copy and validates it; so do the tests.
      return HarnessReportSchema.parse(JSON.parse(JSON.stringify(raw)));
    },
  };
}

/** Loads a plain-JS test file (with the vitest imports prepended) in a fresh context and runs it. */
export async function runTestFile(
  code: string,
  options: { testTimeoutMs?: number; files?: Record<string, string> } = {},
): Promise<{ report: HarnessReport; logs: LogLine[]; events: HarnessEvent[] }> {
  const sandbox = await createIsolateLikeContext(options.files === undefined ? {} : { files: options.files });
  sandbox.load(VITEST_PRELUDE + code);
  const report = await sandbox.run(options.testTimeoutMs === undefined ? {} : { testTimeoutMs: options.testTimeoutMs });
  return { report, logs: sandbox.logs, events: sandbox.events };
}
