import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type SandboxLimits } from '../types.ts';
import { createProcessBackend } from './process-backend.ts';
import { processPackage } from './test-package.ts';


const backend = createProcessBackend();
const call = (source: string, limits: Partial<SandboxLimits>, signal?: AbortSignal) =>
  backend.call({ pkg: processPackage({ source }), args: {}, limits: { ...DEFAULT_LIMITS, ...limits }, ...(signal ? { signal } : {}) });

/** Host processes whose command line contains `marker`. */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches.
  }
}

describe('process backend limits', () => {
  it('stops an infinite loop at the wall time and leaves no process behind', async () => {
    const marker = `toolsmith-spin-${process.pid}-${Date.now()}`;
    const started = performance.now();
    const run = call(`export function probe() { process.title = ${JSON.stringify(marker)}; for (;;) {} }`, { callTimeoutMs: 1_500 });
    let seen = false;
    while (!seen && performance.now() - started < 1_400) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = processesWith(marker).length > 0;
    }
    expect(seen).toBe(true);
    const outcome = await run;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(processesWith(marker)).toEqual([]);
  });

  it('stops a CPU spin at the CPU limit when the wall time is longer', async () => {
    const outcome = await call('export function probe() { for (;;) {} }', { cpuTimeMs: 1_000, callTimeoutMs: 8_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cpu_limit' } });
    expect(outcome.durationMs).toBeLessThan(4_000);
  });

  it('stops a heap bomb with memory_limit', async () => {
    const outcome = await call('export function probe() { const keep = []; for (;;) keep.push(new Array(1e6).fill(1.5)); }', { memoryMb: 64 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'memory_limit' } });
  });

  it('stops a Buffer bomb outside the heap at the address-space cap', async () => {
    const outcome = await call('export function probe() { const keep = []; for (;;) keep.push(Buffer.alloc(64 * 1024 * 1024, 1)); }', { memoryMb: 64 });
    expect(outcome.ok).toBe(false);
    expect(['memory_limit', 'tool_threw']).toContain(outcome.ok ? '' : outcome.error.code);
  });

  it('stops when the signal aborts mid-run', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const outcome = await call('export function probe() { return new Promise(() => {}); }', { callTimeoutMs: 5_000 }, controller.signal);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(outcome.durationMs).toBeLessThan(2_000);
  });

  it('truncates console flooding at maxConsoleBytes', async () => {
    const outcome = await call("export function probe() { const line = 'y'.repeat(1000); for (let i = 0; i < 5000; i++) console.log(line); return 'done'; }", { maxConsoleBytes: 10_000 });
    expect(outcome).toMatchObject({ ok: true, value: 'done', console: { truncated: true } });
    expect(outcome.console.text.length).toBeLessThan(12_000);
  });

  it('stops a tool that floods the result channel with output_limit', async () => {
    const outcome = await call(
      "import { writeSync } from 'node:fs';\nexport function probe() { const chunk = 'q'.repeat(65536); for (;;) writeSync(3, chunk); }",
      { maxResultBytes: 10_000, maxConsoleBytes: 10_000 },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output_limit' } });
  });
});
