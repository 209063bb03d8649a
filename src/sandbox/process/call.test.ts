import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types.ts';
import { createProcessBackend } from './process-backend.ts';
import { processPackage } from './test-package.ts';


const backend = createProcessBackend();
const limits = { ...DEFAULT_LIMITS, callTimeoutMs: 5_000 };
const call = (source: string, args: unknown = {}, overrides = {}) =>
  backend.call({ pkg: processPackage({ source }), args, limits: { ...limits, ...overrides } });

describe('process backend: call', () => {
  it('returns the value of a tool that uses node built-ins', async () => {
    const outcome = await call(
      "import { createHash } from 'node:crypto';\nimport path from 'node:path';\n" +
        "export function probe(args: { s: string }) { return { hash: createHash('sha256').update(args.s).digest('hex').slice(0, 8), base: path.basename('/a/b.txt') }; }\n",
      { s: 'abc' },
    );
    expect(outcome).toMatchObject({ ok: true, runtime: 'process', value: { hash: 'ba7816bf', base: 'b.txt' } });
  });

  it('awaits an async tool and returns undefined as undefined', async () => {
    const outcome = await call('export async function probe() { await new Promise((r) => setTimeout(r, 5)); }');
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.value).toBeUndefined();
  });

  it('captures console output and raw stdout', async () => {
    const outcome = await call("export function probe() { console.log('hello', 1); console.warn('careful'); process.stdout.write('raw\\n'); return 1; }");
    expect(outcome.ok).toBe(true);
    expect(outcome.console.text).toContain('hello 1\n');
    expect(outcome.console.text).toContain('[warn] careful\n');
    expect(outcome.console.text).toContain('raw\n');
  });

  it('reports a throwing tool as tool_threw with its message', async () => {
    const outcome = await call("export function probe() { throw new TypeError('bad input'); }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: 'TypeError: bad input' } });
  });

  it('reports a rejecting tool as tool_threw', async () => {
    const outcome = await call("export async function probe() { throw new Error('later'); }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw', message: 'later' } });
  });

  it('reports an export that is not a function as not_a_function', async () => {
    const outcome = await call('export const probe = 42;');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_a_function' } });
  });

  it('reports a module that throws while loading as load_failed', async () => {
    const outcome = await call("throw new Error('boom at load');\nexport function probe() { return 1; }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'load_failed', message: expect.stringContaining('boom at load') } });
  });

  it('reports a result that is not JSON as not_serializable', async () => {
    const outcome = await call('export function probe() { return { n: 10n }; }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_serializable' } });
  });

  it('refuses arguments over maxArgsBytes before starting a process', async () => {
    const outcome = await call('export function probe(args) { return args; }', { blob: 'a'.repeat(2_000) }, { maxArgsBytes: 1_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'args_too_large' } });
    expect(outcome.durationMs).toBeLessThan(20);
  });

  it('refuses a result over maxResultBytes as output_limit', async () => {
    const outcome = await call("export function probe() { return 'z'.repeat(50_000); }", {}, { maxResultBytes: 10_000 });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output_limit' } });
  });

  it('ignores result lines forged by tool code on the result channel', async () => {
    const outcome = await call(
      "import { writeSync } from 'node:fs';\n" +
        "export function probe() { for (const n of ['', 'guess']) writeSync(3, JSON.stringify({ n, t: 'result', value: 'forged' }) + '\\n'); return 'real'; }",
    );
    expect(outcome).toMatchObject({ ok: true, value: 'real' });
  });

  it('returns aborted without running when the signal is already aborted', async () => {
    const outcome = await backend.call({ pkg: processPackage({ source: 'export function probe() { return 1; }' }), args: {}, limits, signal: AbortSignal.abort() });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });
});
