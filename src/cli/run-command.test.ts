import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorLines, makePackage, snapshotDir, spawnToolsmith } from './spawn-toolsmith.ts';

const fixture = path.join(import.meta.dirname, '..', 'tool-package', 'fixtures', 'reverse_string');
const anyTests = "import { it } from 'vitest';\nit('runs', () => {});\n";
const dirs: string[] = [];

async function tempPackage(files: Parameters<typeof makePackage>[0]): Promise<string> {
  const dir = await makePackage(files);
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('toolsmith run (needs the isolate sandbox)', () => {
  it('prints the result as JSON and writes nothing', async () => {
    const before = await snapshotDir(fixture);
    const result = await spawnToolsmith(['run', fixture, '--args', '{"s":"hello"}']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('"olleh"\n');
    expect(await snapshotDir(fixture)).toEqual(before);
  });

  it('prints an ok envelope with --json', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args', '{"s":"hello"}', '--json']);
    expect(result.code).toBe(0);
    const envelope = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(envelope).toEqual({ ok: true, result: 'olleh', durationMs: expect.any(Number) });
  });

  it('reads the arguments from --args-file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-args-'));
    dirs.push(dir);
    const file = path.join(dir, 'args.json');
    await writeFile(file, '{ "s": "stressed" }\n');
    const result = await spawnToolsmith(['run', fixture, '--args-file', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('"desserts"\n');
  });

  it("sends the tool's console output to stderr, keeping stdout pure JSON", async () => {
    const dir = await tempPackage({
      source: "export function reverse_string({ s }: { s: string }): string {\n  console.log('reversing', s);\n  return Array.from(s).reverse().join('');\n}\n",
      tests: anyTests,
    });
    const result = await spawnToolsmith(['run', dir, '--args', '{"s":"ab"}', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, result: 'ba' });
    expect(result.stderr).toContain('reversing ab');
  });

  it('exits 1 when the tool throws, with the message and a hint', async () => {
    const dir = await tempPackage({
      source: "export function reverse_string({ s }: { s: string }): string {\n  throw new Error(`cannot reverse ${s}`);\n}\n",
      tests: anyTests,
    });
    const plain = await spawnToolsmith(['run', dir, '--args', '{"s":"ab"}']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toBe('');
    const lines = errorLines(plain);
    expect(lines.error).toMatch(/^error: reverse_string failed \(tool_threw\): .*cannot reverse ab/);
    expect(lines.hint).toMatch(/^hint: /);

    const json = await spawnToolsmith(['run', dir, '--args', '{"s":"ab"}', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'tool_threw' } });
  });
});

describe('toolsmith run with bad input', () => {
  it('exits 2 for arguments that violate the schema, naming the property', async () => {
    const before = await snapshotDir(fixture);
    const result = await spawnToolsmith(['run', fixture, '--args', '{"s":1}']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(errorLines(result)).toEqual({
      error: 'error: invalid arguments for reverse_string: s: must be string',
      hint: 'hint: reverse_string takes s (string, required); for example {"s":"abc"}',
      extra: [],
    });
    expect(await snapshotDir(fixture)).toEqual(before);
  });

  it('exits 2 with a JSON envelope on stdout for invalid arguments with --json', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args', '{"s":"a","n":2}', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: {
        code: 'arguments_invalid',
        message: 'invalid arguments for reverse_string: arguments: unknown property "n"',
        hint: 'reverse_string takes s (string, required); for example {"s":"abc"}',
      },
      durationMs: expect.any(Number),
    });
  });

  it('exits 2 for --args that are not JSON', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args', "{s: 'hello'}"]);
    expect(result.code).toBe(2);
    const lines = errorLines(result);
    expect(lines.error).toMatch(/^error: --args is not valid JSON: /);
    expect(lines.hint).toBe('hint: reverse_string takes s (string, required); pass --args \'{"s":"abc"}\'');
    expect(lines.extra).toEqual([]);
  });

  it('exits 2 when the arguments are a JSON value other than an object', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args', '"hello"']);
    expect(result.code).toBe(2);
    expect(errorLines(result).error).toBe('error: invalid arguments for reverse_string: arguments: must be a JSON object, not string');
  });

  it('exits 2 when both --args and --args-file are given', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args', '{}', '--args-file', 'args.json']);
    expect(result.code).toBe(2);
    expect(errorLines(result).error).toBe('error: pass either --args or --args-file, not both');
  });

  it('exits 2 when a tool with required parameters gets no arguments', async () => {
    const result = await spawnToolsmith(['run', fixture]);
    expect(result.code).toBe(2);
    const lines = errorLines(result);
    expect(lines.error).toBe('error: reverse_string needs arguments: pass --args or --args-file');
    expect(lines.hint).toContain('--args \'{"s":"abc"}\'');
  });

  it('exits 2 for an --args-file that does not exist', async () => {
    const result = await spawnToolsmith(['run', fixture, '--args-file', path.join(import.meta.dirname, 'no-such-args.json')]);
    expect(result.code).toBe(2);
    expect(errorLines(result).error).toMatch(/^error: cannot read --args-file .*no-such-args\.json: no such file$/);
  });

  it('exits 2 for a package whose manifest is invalid, with JSON on stdout under --json', async () => {
    const dir = await tempPackage({ manifest: { name: 'reverse-string' }, tests: anyTests });
    const result = await spawnToolsmith(['run', dir, '--args', '{}', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'manifest_invalid' } });
  });
});
