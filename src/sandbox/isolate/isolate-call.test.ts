import { describe, expect, it } from 'vitest';
import type { SandboxLimits } from '../types.ts';
import { createIsolateBackend } from './isolate-backend.ts';
import { FAST_LIMITS, probePackage } from './test-package.ts';

const backend = createIsolateBackend();
const call = (source: string, args: unknown = {}, limits: Partial<SandboxLimits> = {}) =>
  backend.call({ pkg: probePackage({ source }), args, limits: { ...FAST_LIMITS, ...limits } });

describe('isolate backend: call', () => {
  it('returns the value the tool returns, parsed from JSON', async () => {
    const outcome = await call('export function probe(args: { s: string }) { return { upper: args.s.toUpperCase(), n: [1, 2] }; }', { s: 'abc' });
    expect(outcome).toMatchObject({ ok: true, runtime: 'isolate', value: { upper: 'ABC', n: [1, 2] } });
  });

  it('awaits an async tool that uses timers', async () => {
    const outcome = await call('export async function probe() { await new Promise((r) => setTimeout(r, 5)); return "later"; }');
    expect(outcome).toMatchObject({ ok: true, value: 'later' });
  });

  it('returns undefined as null', async () => {
    const outcome = await call('export function probe() {}');
    expect(outcome).toMatchObject({ ok: true, value: null });
  });

  it('reports a throwing tool as tool_threw with its message', async () => {
    const outcome = await call("export function probe() { throw new TypeError('bad input'); }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: 'TypeError: bad input' } });
  });

  it('reports a rejecting tool as tool_threw', async () => {
    const outcome = await call("export async function probe() { throw new Error('later'); }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: 'later' } });
  });

  it('reports a thrown non-Error value as tool_threw', async () => {
    const outcome = await call("export function probe() { throw { reason: 'plain object' }; }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: '{"reason":"plain object"}' } });
  });

  it('reports an export that is not a function as not_a_function', async () => {
    const outcome = await call('export const probe = 42;');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_a_function' } });
  });

  it('reports a tool that throws while loading as load_failed', async () => {
    const outcome = await call("throw new Error('boom at load');\nexport function probe() { return 1; }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'load_failed', message: expect.stringContaining('boom at load') } });
  });

  it('refuses arguments over maxArgsBytes before starting an isolate', async () => {
    const outcome = await call('export function probe(args) { return args; }', { blob: 'a'.repeat(2_000) }, { maxArgsBytes: 1_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'args_too_large', message: expect.stringContaining('maxArgsBytes') } });
  });

  it('refuses a result over maxResultBytes as output_limit', async () => {
    const outcome = await call("export function probe() { return 'z'.repeat(50_000); }", {}, { maxResultBytes: 10_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output_limit', message: expect.stringContaining('maxResultBytes') } });
  });

  it('counts result size in UTF-8 bytes, not characters', async () => {
    // 4,000 characters of 3 bytes each: fits by length, not by bytes.
    const outcome = await call("export function probe() { return '€'.repeat(4_000); }", {}, { maxResultBytes: 10_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output_limit' } });
  });

  it('reports a BigInt result as not_serializable', async () => {
    const outcome = await call('export function probe() { return { n: 10n }; }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_serializable' } });
  });

  it('reports a cyclic result as not_serializable', async () => {
    const outcome = await call('export function probe() { const a: any = {}; a.self = a; return a; }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_serializable' } });
  });

  it('captures console output by level', async () => {
    const outcome = await call("export function probe() { console.log('hello', 1); console.warn('careful'); return 1; }");
    expect(outcome.ok).toBe(true);
    expect(outcome.console).toEqual({ text: 'hello 1\n[warn] careful\n', truncated: false });
  });

  it('truncates console output at maxConsoleBytes and marks it', async () => {
    const outcome = await call(
      "export function probe() { const line = 'y'.repeat(1000); for (let i = 0; i < 5000; i++) console.log(line); return 'done'; }",
      {},
      { maxConsoleBytes: 10_000 },
    );
    expect(outcome).toMatchObject({ ok: true, value: 'done', console: { truncated: true } });
    expect(outcome.console.text.length).toBeLessThan(10_100);
  });

  it('marks output truncated when a line arrives after the budget is exactly spent', async () => {
    const outcome = await call("export function probe() { console.log('123456789'); console.log('x'); return 1; }", {}, { maxConsoleBytes: 10 });
    expect(outcome.console.truncated).toBe(true);
    expect(outcome.console.text.startsWith('123456789\n')).toBe(true);
  });

  it('gives tool code no require, process, fetch or host globals', async () => {
    const outcome = await call(
      "export function probe() { return ['require', 'process', 'fetch', 'Buffer', 'WebSocket', '__toolsmith_raw'].filter((n) => typeof (globalThis as any)[n] !== 'undefined'); }",
    );
    expect(outcome).toMatchObject({ ok: true, value: [] });
  });

  it('returns aborted without running when the signal is already aborted', async () => {
    const outcome = await backend.call({ pkg: probePackage({ source: 'export function probe() { return 1; }' }), args: {}, limits: FAST_LIMITS, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });

  it('stops a running call when its signal aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const outcome = await backend.call({
      pkg: probePackage({ source: 'export function probe() { for (;;) {} }' }),
      args: {},
      limits: { ...FAST_LIMITS, callTimeoutMs: 5_000 },
      signal: controller.signal,
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
