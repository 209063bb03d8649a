import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_CODE_HELP } from './exit-codes.ts';
import { errorLines, spawnToolsmith } from './spawn-toolsmith.ts';

const packageJson = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

describe('toolsmith usage', () => {
  it('documents the commands and the exit codes in --help', async () => {
    const result = await spawnToolsmith(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}verify \[options\] <dir>/m);
    expect(result.stdout).toMatch(/^ {2}run \[options\] <dir>/m);
    expect(result.stdout).toContain(EXIT_CODE_HELP);
  });

  it('prints the package version with --version', async () => {
    const result = await spawnToolsmith(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('exits 2 for a missing argument, with a one-line error and a hint', async () => {
    const result = await spawnToolsmith(['verify']);
    expect(result.code).toBe(2);
    expect(errorLines(result)).toEqual({
      error: "error: missing required argument 'dir'",
      hint: 'hint: run "toolsmith --help" (or "toolsmith <command> --help") for usage',
      extra: [],
    });
  });

  it('exits 2 for an unknown command or option', async () => {
    expect((await spawnToolsmith(['compile', '.'])).code).toBe(2);
    expect((await spawnToolsmith(['verify', '.', '--fast'])).code).toBe(2);
  });
});
