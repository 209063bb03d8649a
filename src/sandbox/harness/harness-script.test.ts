import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../tool-package/index.ts';
import { bundleToolPackage } from '../../tool-package/index.ts';
import { BRIDGE_GLOBAL, HARNESS_GLOBAL, VITEST_GLOBAL } from '../bridge.ts';
import { getHarnessScript } from './harness-script.ts';
import { createIsolateLikeContext } from './isolate-like-context.ts';

describe('getHarnessScript', () => {
  it('builds once per process and hands every caller the same script', async () => {
    const [first, second] = await Promise.all([getHarnessScript(), getHarnessScript()]);
    expect(first).toBe(second);
    expect(getHarnessScript()).toBe(getHarnessScript());
  });

  it('is a self-contained script: no imports, no require, no Node globals', async () => {
    const script = await getHarnessScript();
    expect(script.startsWith('"use strict";\n(() => {') || script.startsWith('(() => {')).toBe(true);
    expect(script).not.toMatch(/\brequire\(|\bimport\(|^import |\bprocess\.|\bBuffer\b/m);
  });

  it('uses the global names bridge.ts declares', async () => {
    const script = await getHarnessScript();
    for (const name of [BRIDGE_GLOBAL, HARNESS_GLOBAL, VITEST_GLOBAL]) expect(script).toContain(`"${name}"`);
  });

  it('builds from its own folder whatever the working directory', async () => {
    const source = await readFile(join(import.meta.dirname, 'harness-script.ts'), 'utf8');
    expect(source).toContain('import.meta.dirname');
    expect(source).not.toMatch(/process\.cwd\(\)/);
  });

  it('runs a real tool package bundled for verify', async () => {
    const dir = join(import.meta.dirname, '../../tool-package/fixtures/reverse_string');
    const parsed = parseManifest(await readFile(join(dir, 'tool.json'), 'utf8'));
    if (!parsed.ok) throw new Error('fixture manifest is invalid');
    const pkg = {
      manifest: parsed.manifest,
      source: await readFile(join(dir, 'tool.ts'), 'utf8'),
      tests: (await readFile(join(dir, 'tool.test.ts'), 'utf8')) + `\ndescribe('made to fail', () => { it('wrong', () => { expect(reverse_string({ s: 'hello' })).toBe('hello'); }); });\n`,
    };
    const bundle = await bundleToolPackage({ pkg, purpose: 'verify' });
    const sandbox = await createIsolateLikeContext();
    sandbox.load(bundle.code);
    const report = await sandbox.run();
    expect(report.error).toBeUndefined();
    expect(report.tests.map((t) => [t.name, t.status])).toEqual([
      ['reverse_string > reverses a word', 'passed'],
      ['reverse_string > keeps spaces in place relative to letters', 'passed'],
      ['reverse_string > returns an empty string for empty input', 'passed'],
      ['reverse_string > keeps surrogate pairs whole', 'passed'],
      ['reverse_string > is its own inverse', 'passed'],
      ['made to fail > wrong', 'failed'],
    ]);
    expect(report.tests[5]?.failure).toEqual({
      message: "expected 'olleh' to be 'hello' // Object.is equality",
      expected: "'hello'",
      received: "'olleh'",
    });
  });
});
