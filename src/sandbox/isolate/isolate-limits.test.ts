import { describe, expect, it } from 'vitest';
import type { SandboxLimits } from '../types.ts';
import { createIsolateBackend } from './isolate-backend.ts';
import { FAST_LIMITS, probePackage } from './test-package.ts';

const backend = createIsolateBackend();
const call = (source: string, limits: Partial<SandboxLimits> = {}) =>
  backend.call({ pkg: probePackage({ source }), args: {}, limits: { ...FAST_LIMITS, ...limits } });

/** Runs `work` while counting host timer ticks, to show the host event loop kept running. */
async function countingTicks<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number; ms: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ticks, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('isolate backend: limits', () => {
  it('stops a synchronous infinite loop at the wall limit without starving the host', async () => {
    const { result, ticks, ms } = await countingTicks(() => call('export function probe() { for (;;) {} }', { callTimeoutMs: 300 }));
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringContaining('callTimeoutMs') } });
    expect(ms).toBeLessThan(1_000);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('stops a loop that starts after an await', async () => {
    const outcome = await call('export async function probe() { await null; for (;;) {} }', { callTimeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('stops a promise that never settles', async () => {
    const started = performance.now();
    const outcome = await call('export function probe() { return new Promise(() => {}); }', { callTimeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops a microtask flood', async () => {
    const { result, ticks } = await countingTicks(() =>
      call('export function probe() { const spin = () => Promise.resolve().then(spin); spin(); return new Promise(() => {}); }', {
        callTimeoutMs: 300,
        memoryMb: 64,
      }),
    );
    expect(result.ok).toBe(false);
    expect(['timeout', 'cpu_limit', 'memory_limit']).toContain(result.ok ? '' : result.error.code);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('stops a timer chain that keeps the run alive', async () => {
    const outcome = await call('export function probe() { const again = () => setTimeout(again, 1); again(); return new Promise(() => {}); }', { callTimeoutMs: 300 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('stops a busy loop at the CPU limit when that comes first', async () => {
    const outcome = await call('export function probe() { for (;;) {} }', { callTimeoutMs: 3_000, cpuTimeMs: 150 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cpu_limit', message: expect.stringContaining('cpuTimeMs') } });
  });

  it('stops a memory bomb at the heap limit, and the next call still works', async () => {
    const outcome = await call('export function probe() { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'memory_limit', message: expect.stringContaining('memoryMb') } });
    const after = await call('export function probe() { return 1 + 1; }');
    expect(after).toMatchObject({ ok: true, value: 2 });
  });

  it('stops an ArrayBuffer bomb at the heap limit', async () => {
    const outcome = await call('export function probe() { const keep = []; for (;;) keep.push(new Uint8Array(4 * 1024 * 1024).fill(1)); }');
    expect(outcome.ok).toBe(false);
    expect(['memory_limit', 'tool_threw']).toContain(outcome.ok ? '' : outcome.error.code);
  });

  it('contains recursion overflow as a tool error', async () => {
    const outcome = await call('export function probe() { const f = (n: number): number => f(n + 1) + 1; return f(0); }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: expect.stringContaining('call stack') } });
  });

  it('caps a timer flood and clears the pending timers when the run ends', async () => {
    const started = performance.now();
    const outcome = await call('export function probe() { for (let i = 0; i < 5_000; i++) setTimeout(() => {}, 100_000); return "queued"; }');
    expect(outcome).toMatchObject({ ok: true, value: 'queued' });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
