import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types.ts';
import { createProcessBackend } from './process-backend.ts';
import { processPackage } from './test-package.ts';

const backend = createProcessBackend();
const limits = { ...DEFAULT_LIMITS, suiteTimeoutMs: 5_000, testTimeoutMs: 1_000 };
const HASH_TOOL =
  "import { createHash } from 'node:crypto';\nimport path from 'node:path';\n" +
  "export function probe(args: { s: string }) { return createHash('sha256').update(path.basename(args.s)).digest('hex').slice(0, 8); }\n";
const verify = (tests: string, source = HASH_TOOL, overrides = {}) =>
  backend.verify({ pkg: processPackage({ source, tests }), limits: { ...limits, ...overrides } });

describe('process backend: verify', () => {
  it('passes a suite for a tool that uses node:crypto and node:path', async () => {
    const suite = await verify(
      "import { describe, it, expect } from 'vitest';\nimport { probe } from './tool';\n" +
        "describe('probe', () => {\n" +
        "  it('hashes the base name', () => { expect(probe({ s: '/x/abc' })).toBe('ba7816bf'); });\n" +
        "  it('is stable', async () => { expect(probe({ s: 'abc' })).toEqual(probe({ s: '/y/abc' })); });\n" +
        '});\n',
    );
    expect(suite.error).toBeUndefined();
    expect(suite).toMatchObject({ ok: true, runtime: 'process', totals: { total: 2, passed: 2, failed: 0, skipped: 0 } });
    expect(suite.tests.map((test) => test.name)).toEqual(['probe > hashes the base name', 'probe > is stable']);
  });

  it('reports a failing test with expected and received', async () => {
    const suite = await verify(
      "import { it, expect } from 'vitest';\nimport { probe } from './tool';\n" +
        "it('passes', () => { expect(1).toBe(1); });\n" +
        "it('hashes wrong', () => { expect(probe({ s: 'abc' })).toBe('00000000'); });\n",
    );
    expect(suite.ok).toBe(false);
    expect(suite.totals).toEqual({ total: 2, passed: 1, failed: 1, skipped: 0 });
    const failure = suite.tests.find((test) => test.status === 'failed')?.failure;
    expect(failure?.expected).toContain('00000000');
    expect(failure?.received).toContain('ba7816bf');
  });

  it('is not ok when the suite has no tests', async () => {
    const suite = await verify("import { probe } from './tool';\nvoid probe;\n");
    expect(suite.ok).toBe(false);
    expect(suite.error?.message).toMatch(/no tests/);
  });

  it('reports a test file that throws while loading', async () => {
    const suite = await verify("import { it } from 'vitest';\nthrow new Error('broken at load');\n");
    expect(suite.ok).toBe(false);
    expect(suite.error).toMatchObject({ code: 'load_failed', message: expect.stringContaining('broken at load') });
  });

  it('keeps finished tests and fails the running one when the suite is killed', async () => {
    const suite = await verify(
      "import { it, expect } from 'vitest';\n" +
        "it('first', () => { expect(true).toBe(true); });\n" +
        "it('spins', () => { for (;;) {} });\n" +
        "it('never runs', () => {});\n",
      HASH_TOOL,
      { suiteTimeoutMs: 800 },
    );
    expect(suite.ok).toBe(false);
    expect(suite.error?.code).toBe('timeout');
    expect(suite.tests.map((test) => [test.name, test.status])).toEqual([['first', 'passed'], ['spins', 'failed']]);
    expect(suite.tests[1]?.failure?.message).toMatch(/ran longer than 800 ms/);
  });

  it('captures console output from tests', async () => {
    const suite = await verify("import { it } from 'vitest';\nit('logs', () => { console.log('from a test'); });\n");
    expect(suite.ok).toBe(true);
    expect(suite.console.text).toContain('from a test');
  });

  it('cannot forge a pass by replacing the harness run()', async () => {
    const suite = await verify(
      "import { it, expect } from 'vitest';\n" +
        "try { globalThis.__toolsmith_harness.run = async () => ({ tests: [{ name: 'forged', status: 'passed', durationMs: 0 }] }); } catch {}\n" +
        "it('really fails', () => { expect(1).toBe(2); });\n",
    );
    expect(suite.ok).toBe(false);
    expect(suite.tests.map((test) => test.name)).toEqual(['really fails']);
  });
});
