import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnToolsmith } from '../cli/spawn-toolsmith.ts';

describe('toolsmith serve', () => {
  it('refuses a non-loopback --host without TOOLSMITH_API_TOKEN, with exit 2 and how to fix it', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-serve-'));
    try {
      const result = await spawnToolsmith(['serve', '--host', '0.0.0.0', '--port', '0'], { env: { TOOLSMITH_HOME: home, TOOLSMITH_API_TOKEN: '', TOOLSMITH_MODEL: '' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('0.0.0.0');
      expect(result.stderr).toContain('TOOLSMITH_API_TOKEN');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses a port that is not a number, with exit 2', async () => {
    const result = await spawnToolsmith(['serve', '--port', 'http']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/port/);
  }, 30_000);
});
