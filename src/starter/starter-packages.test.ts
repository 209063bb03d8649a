import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox/index.ts';
import { loadToolPackage, type ToolPackage } from '../tool-package/index.ts';
import { listStarterPackageDirs } from './index.ts';

const MIN_TESTS = 6;
const dirs = await listStarterPackageDirs();
const sandbox = createSandbox();

describe('the starter library', () => {
  it('lists about 25 packages as sorted absolute paths, named like their folders', async () => {
    expect(dirs.length).toBeGreaterThanOrEqual(25);
    expect([...dirs].sort()).toEqual(dirs);
    for (const dir of dirs) expect(path.isAbsolute(dir)).toBe(true);
    for (const dir of dirs) {
      const pkg = await loadToolPackage({ dir });
      expect(pkg.manifest.name).toBe(path.basename(dir));
    }
  });

  it('leaves reverse_string out, because the demo synthesizes it', () => {
    expect(dirs.map((dir) => path.basename(dir))).not.toContain('reverse_string');
  });

  describe.each(dirs.map((dir) => [path.basename(dir), dir] as const))('%s', (_name, dir) => {
    let pkg: ToolPackage;
    beforeAll(async () => {
      pkg = await loadToolPackage({ dir });
    });

    it('has a precise manifest: described parameters, no extra properties, a returns schema', () => {
      const { parameters, returns, description } = pkg.manifest;
      expect(description.length).toBeGreaterThan(60);
      expect(parameters.additionalProperties).toBe(false);
      expect(Object.keys(parameters.properties).length).toBeGreaterThan(0);
      for (const [key, schema] of Object.entries(parameters.properties)) {
        expect(typeof schema.description, `${key} needs a description`).toBe('string');
      }
      expect(Object.keys(returns).length).toBeGreaterThan(0);
    });

    it(`passes its own suite of at least ${MIN_TESTS} tests in the sandbox`, async () => {
      const suite = await sandbox.verify({ pkg });
      const failures = suite.tests.filter((test) => test.status !== 'passed').map((test) => `${test.name}: ${test.failure?.message ?? test.status}`);
      expect(failures).toEqual([]);
      expect(suite.error).toBeUndefined();
      expect(suite.ok).toBe(true);
      expect(suite.totals.passed).toBeGreaterThanOrEqual(MIN_TESTS);
    });
  });
});
