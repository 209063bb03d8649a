import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnToolsmith } from './spawn-toolsmith.ts';

/** A fresh temp folder for the command, and no compile-cache setting from the developer's shell. */
function inTemp(temp: string, extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { TMPDIR: temp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined, ...extra };
}

describe('the toolsmith command', () => {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('caches compiled code in the temp folder, so the next command starts faster', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'toolsmith-compile-cache-'));
    made.push(temp);
    const result = await spawnToolsmith(['--version'], { env: inTemp(temp) });
    expect(result.code).toBe(0);
    const entries = await readdir(path.join(temp, 'node-compile-cache'), { recursive: true });
    expect(entries.length).toBeGreaterThan(0);
  });

  it('writes no cache when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    const temp = await mkdtemp(path.join(tmpdir(), 'toolsmith-compile-cache-'));
    made.push(temp);
    const result = await spawnToolsmith(['--version'], { env: inTemp(temp, { NODE_DISABLE_COMPILE_CACHE: '1' }) });
    expect(result.code).toBe(0);
    expect(await readdir(temp)).toEqual([]);
  });
});
