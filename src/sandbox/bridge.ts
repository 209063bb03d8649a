/**
 * The contract between a backend and the code it runs, identical in both backends so the harness
 * is one script. Before the harness or any tool code runs, the backend installs
 * `globalThis.__toolsmith_bridge` with these members (all arguments and results are JSON values):
 *
 * - `now(): number` milliseconds, for durations.
 * - `sleep(ms: number): Promise<void>` resolves after ms (host timer; capped by the run's wall limit).
 * - `log(level: 'log' | 'info' | 'warn' | 'error' | 'debug', text: string): void` console capture.
 * - `report(event: HarnessEvent): void` progress, so the host knows which test was running if it
 *   has to kill the run.
 * - `readFile(path: string): Promise<string>` the `fs.read` capability, checked on the host side
 *   (isolate) or by the confinement (process). Rejects with a message when refused.
 *
 * The harness script then installs, from the bridge: `console`, `setTimeout`/`clearTimeout`
 * (isolate only; processes keep Node's), the `toolsmith` capability object
 * (`await toolsmith.fs.readFile(path)`), `globalThis.__toolsmith_vitest` (what `import ... from
 * "vitest"` reads) and `globalThis.__toolsmith_harness.run(options): Promise<HarnessReport>`.
 */
import type { TestResult } from './types.ts';

export type HarnessEvent =
  | { type: 'test-start'; name: string }
  | { type: 'test-end'; result: TestResult };

export interface HarnessRunOptions {
  /** Per-test wall time; a test still pending after it fails with a timeout message. */
  testTimeoutMs: number;
}

export const BRIDGE_GLOBAL = '__toolsmith_bridge';
export const HARNESS_GLOBAL = '__toolsmith_harness';
export const VITEST_GLOBAL = '__toolsmith_vitest';
export const TOOL_GLOBAL = '__toolsmith_tool';
