import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadToolPackage } from '../../tool-package/index.ts';
import type { SandboxLimits } from '../types.ts';
import { createIsolateBackend } from './isolate-backend.ts';
import { FAST_LIMITS, probePackage } from './test-package.ts';

const backend = createIsolateBackend();
const FIXTURE = path.join(import.meta.dirname, '../../tool-package/fixtures/reverse_string');
const TOOL = 'export function probe(args: { n: number }) { return args.n * 2; }';
const verify = (tests: string, limits: Partial<SandboxLimits> = {}, source = TOOL) =>
  backend.verify({ pkg: probePackage({ source, tests }), limits: { ...FAST_LIMITS, ...limits } });
const header = "import { describe, it, expect } from 'vitest';\nimport { probe } from './tool';\n";

describe('isolate backend: verify', () => {
  it('passes the reverse_string fixture', async () => {
    const pkg = await loadToolPackage({ dir: FIXTURE });
    const suite = await backend.verify({ pkg, limits: FAST_LIMITS });
    expect(suite).toMatchObject({ ok: true, runtime: 'isolate', totals: { total: 5, passed: 5, failed: 0, skipped: 0 } });
    expect(suite.error).toBeUndefined();
    expect(suite.tests[0]?.name).toBe('reverse_string > reverses a word');
  });

  it('reports a failing test with expected and received', async () => {
    const suite = await verify(`${header}it('doubles', () => { expect(probe({ n: 2 })).toBe(5); });\nit('doubles zero', () => { expect(probe({ n: 0 })).toBe(0); });\n`);
    expect(suite.ok).toBe(false);
    expect(suite.totals).toEqual({ total: 2, passed: 1, failed: 1, skipped: 0 });
    const failed = suite.tests.find((test) => test.status === 'failed');
    expect(failed).toMatchObject({ name: 'doubles', failure: { expected: '5', received: '4' } });
  });

  it('fails a suite with no tests and says so', async () => {
    const suite = await verify(`${header}describe('empty', () => {});\n`);
    expect(suite).toMatchObject({ ok: false, totals: { total: 0 }, error: { code: 'load_failed', message: expect.stringContaining('no tests') } });
  });

  it('reports a test file that throws while loading', async () => {
    const suite = await verify(`${header}it('never runs', () => {});\nthrow new Error('broken at load');\n`);
    expect(suite).toMatchObject({ ok: false, error: { code: 'load_failed', message: expect.stringContaining('broken at load') } });
    expect(suite.totals.passed).toBe(0);
  });

  it('reports a tool module that throws while the tests load it', async () => {
    const suite = await verify(`${header}it('runs', () => { expect(probe({ n: 1 })).toBe(2); });\n`, {}, "throw new Error('tool broken');\nexport function probe() { return 1; }");
    expect(suite).toMatchObject({ ok: false, error: { code: 'load_failed', message: expect.stringContaining('tool broken') } });
  });

  it('captures console output from tests', async () => {
    const suite = await verify(`${header}it('logs', () => { console.log('inside', probe({ n: 3 })); expect(1).toBe(1); });\n`);
    expect(suite.ok).toBe(true);
    expect(suite.console.text).toBe('inside 6\n');
  });

  it('keeps finished tests and blames the running one when the suite times out', async () => {
    const suite = await verify(
      `${header}it('first', () => { expect(probe({ n: 1 })).toBe(2); });\nit('spins', () => { for (;;) {} });\nit('never reached', () => {});\n`,
      { suiteTimeoutMs: 400, testTimeoutMs: 5_000 },
    );
    expect(suite.ok).toBe(false);
    expect(suite.error).toMatchObject({ code: 'timeout', message: expect.stringContaining('suiteTimeoutMs') });
    expect(suite.tests).toEqual([
      expect.objectContaining({ name: 'first', status: 'passed' }),
      expect.objectContaining({ name: 'spins', status: 'failed', failure: { message: expect.stringContaining('suiteTimeoutMs') } }),
    ]);
  });

  it('blames the running test when the suite runs out of memory', async () => {
    const suite = await verify(`${header}it('hoards', () => { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); });\n`);
    expect(suite).toMatchObject({ ok: false, error: { code: 'memory_limit' }, tests: [{ name: 'hoards', status: 'failed' }] });
  });

  it('fails an async test that never settles at the per-test limit and runs the rest', async () => {
    const suite = await verify(`${header}it('hangs', () => new Promise(() => {}));\nit('after', () => { expect(probe({ n: 1 })).toBe(2); });\n`, { testTimeoutMs: 100 });
    expect(suite.ok).toBe(false);
    expect(suite.tests.map((test) => test.status)).toEqual(['failed', 'passed']);
  });

  it('cannot forge a passing report by replacing the harness', async () => {
    const suite = await verify(
      `${header}try { (globalThis as any).__toolsmith_harness.run = async () => ({ tests: [{ name: 'forged', status: 'passed', durationMs: 0 }] }); } catch {}\n` +
        "it('really fails', () => { expect(1).toBe(2); });\n",
    );
    expect(suite.ok).toBe(false);
    expect(suite.tests.map((test) => test.name)).toEqual(['really fails']);
  });

  it('returns aborted when the signal is already aborted', async () => {
    const suite = await backend.verify({ pkg: probePackage({ source: TOOL }), limits: FAST_LIMITS, signal: AbortSignal.abort() });
    expect(suite).toMatchObject({ ok: false, error: { code: 'aborted' } });
  });
});
