import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { loadToolPackage } from './index.ts';

const fixture = path.join(import.meta.dirname, 'fixtures', 'reverse_string');
const echoManifest = {
  name: 'echo',
  description: 'Returns its input.',
  parameters: { type: 'object', properties: { s: { type: 'string' } }, required: ['s'] },
  returns: { type: 'string' },
};

describe('loadToolPackage', () => {
  let tempDir: string | undefined;
  afterEach(async () => {
    if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  it('loads the reverse_string fixture with its manifest, source and tests', async () => {
    const pkg = await loadToolPackage({ dir: fixture });
    expect(pkg.manifest.name).toBe('reverse_string');
    expect(pkg.source).toContain('export function reverse_string');
    expect(pkg.tests).toContain("from 'vitest'");
    expect(pkg.dir).toBe(fixture);
  });

  it('reports a missing tool.test.ts by name', async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'toolsmith-pkg-'));
    await writeFile(path.join(tempDir, 'tool.json'), JSON.stringify(echoManifest));
    await writeFile(path.join(tempDir, 'tool.ts'), 'export function echo({ s }: { s: string }) { return s; }\n');
    const error = await loadToolPackage({ dir: tempDir }).catch((e: unknown) => e);
    expect(ToolsmithError.isInstance(error)).toBe(true);
    expect((error as ToolsmithError).message).toContain('tool.test.ts is missing');
    expect((error as ToolsmithError).kind).toBe('user');
  });
});
