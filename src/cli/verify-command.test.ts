import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorLines, makePackage, snapshotDir, spawnToolsmith } from './spawn-toolsmith.ts';

const fixture = path.join(import.meta.dirname, '..', 'tool-package', 'fixtures', 'reverse_string');
const dirs: string[] = [];

async function tempPackage(files: Parameters<typeof makePackage>[0]): Promise<string> {
  const dir = await makePackage(files);
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('toolsmith verify (needs the isolate sandbox)', () => {
  it('passes the fixture: exit 0, a line per test and the totals, and writes nothing', async () => {
    const before = await snapshotDir(fixture);
    const result = await spawnToolsmith(['verify', fixture]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}✓ reverse_string > reverses a word {2}[\d.]+ ms$/m);
    expect(result.stdout.match(/^ {2}✓ /gm)).toHaveLength(5);
    expect(result.stdout).toMatch(/^5 passed, 0 failed in [\d.]+ ms$/m);
    expect(await snapshotDir(fixture)).toEqual(before);
  });

  it('prints the suite result as JSON with --json', async () => {
    const result = await spawnToolsmith(['verify', fixture, '--json']);
    expect(result.code).toBe(0);
    const suite = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(suite).toMatchObject({ ok: true, runtime: 'isolate', totals: { total: 5, passed: 5, failed: 0, skipped: 0 } });
  });

  it('exits 1 on a failing test and shows the expected and received values', async () => {
    const dir = await tempPackage({
      tests:
        "import { expect, it } from 'vitest';\nimport { reverse_string } from './tool';\n\n" +
        "it('reverses a word', () => {\n  expect(reverse_string({ s: 'ab' })).toBe('ba');\n});\n" +
        "it('keeps the word as it is', () => {\n  expect(reverse_string({ s: 'abc' })).toBe('abc');\n});\n",
    });
    const before = await snapshotDir(dir);
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}✓ reverses a word/m);
    expect(result.stdout).toMatch(/^ {2}✗ keeps the word as it is/m);
    expect(result.stdout).toMatch(/^ {6}expected: .*abc/m);
    expect(result.stdout).toMatch(/^ {6}received: .*cba/m);
    expect(result.stdout).toMatch(/^1 passed, 1 failed in /m);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('shows the console output of the suite, marked as such', async () => {
    const dir = await tempPackage({
      tests: "import { expect, it } from 'vitest';\nimport { reverse_string } from './tool';\n\nit('logs', () => {\n  console.log('checking ab');\n  expect(reverse_string({ s: 'ab' })).toBe('ba');\n});\n",
    });
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- console output of the suite ---\nchecking ab\n--- end of console output ---');
  });

  it('exits 1 and shows the load error when the test file throws while loading', async () => {
    const dir = await tempPackage({
      tests: "import { it } from 'vitest';\nimport { reverse_string } from './tool';\n\nthrow new Error('fixture data is missing');\nit('never registers', () => { reverse_string({ s: '' }); });\n",
    });
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error \(load_failed\): .*fixture data is missing/m);
    expect(result.stdout).not.toMatch(/^\s+at /m);
  });
});

describe('toolsmith verify on a bad package', () => {
  it('exits 2 for malformed tool.json, naming the line, with a hint and no stack', async () => {
    const dir = await tempPackage({ manifest: '{\n  "name": "reverse_string",\n  "description": "x",,\n}\n', tests: '' });
    const before = await snapshotDir(dir);
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = errorLines(result);
    expect(lines.error).toMatch(/^error: tool\.json:3: tool\.json is not valid JSON/);
    expect(lines.hint).toBe('hint: write tool.json as one JSON object');
    expect(lines.extra).toEqual([]);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('exits 2 for TypeScript that does not compile, naming file and line', async () => {
    const dir = await tempPackage({
      source: "export function reverse_string({ s }: { s: string }): string {\n  return Array.from(s).reverse(.join('');\n}\n",
      tests: "import { it } from 'vitest';\nimport { reverse_string } from './tool';\nit('runs', () => { reverse_string({ s: '' }); });\n",
    });
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(2);
    const lines = errorLines(result);
    expect(lines.error).toMatch(/^error: tool\.ts:2: /);
    expect(lines.hint).toMatch(/^hint: /);
    expect(lines.extra).toEqual([]);
  });

  it('exits 2 when tool.ts does not export the function the manifest names', async () => {
    const dir = await tempPackage({
      source: "export function reverse({ s }: { s: string }): string {\n  return s;\n}\n",
      tests: "import { it } from 'vitest';\nit('runs', () => {});\n",
    });
    const result = await spawnToolsmith(['verify', dir]);
    expect(result.code).toBe(2);
    const lines = errorLines(result);
    expect(lines.error).toMatch(/^error: tool\.ts:1: tool\.ts does not export a function named reverse_string/);
    expect(lines.hint).toMatch(/^hint: export it by the manifest's name/);
    expect(lines.extra).toEqual([]);
  });

  it('exits 2 for a folder that does not exist', async () => {
    const result = await spawnToolsmith(['verify', path.join(import.meta.dirname, 'no-such-package')]);
    expect(result.code).toBe(2);
    expect(errorLines(result).error).toMatch(/^error: .*no-such-package is not a folder$/);
  });

  it('prints a JSON error envelope on stdout with --json', async () => {
    const dir = await tempPackage({ manifest: { name: 'Reverse' }, tests: '' });
    const result = await spawnToolsmith(['verify', dir, '--json']);
    expect(result.code).toBe(2);
    const envelope = JSON.parse(result.stdout) as { ok: boolean; error: { code: string; message: string; hint?: string } };
    expect(envelope).toMatchObject({ ok: false, error: { code: 'manifest_invalid' } });
    expect(envelope.error.hint).toBeDefined();
  });

  it('shows the stack trace only with TOOLSMITH_DEBUG=1', async () => {
    const dir = await tempPackage({ manifest: '{', tests: '' });
    const result = await spawnToolsmith(['verify', dir], { env: { TOOLSMITH_DEBUG: '1' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^\s+at /m);
  });
});
