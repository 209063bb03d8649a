import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadToolPackage } from '../tool-package/index.ts';
import { createSandbox, runTool } from './index.ts';

const fixture = path.join(import.meta.dirname, '..', 'tool-package', 'fixtures', 'reverse_string');

describe('the reverse_string fixture in the isolate sandbox', () => {
  const sandbox = createSandbox();

  it('passes its own test suite', async () => {
    const suite = await sandbox.verify({ pkg: await loadToolPackage({ dir: fixture }) });
    expect(suite.error).toBeUndefined();
    expect(suite).toMatchObject({ ok: true, runtime: 'isolate', totals: { total: 5, passed: 5, failed: 0, skipped: 0 } });
  });

  it('reverses "hello" when run with checked arguments', async () => {
    const outcome = await runTool({ sandbox, pkg: await loadToolPackage({ dir: fixture }), args: { s: 'hello' } });
    expect(outcome).toMatchObject({ ok: true, runtime: 'isolate', value: 'olleh' });
  });
});
