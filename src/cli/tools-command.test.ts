import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnToolsmith } from './spawn-toolsmith.ts';

describe('toolsmith tools (real store in a temp TOOLSMITH_HOME, isolate sandbox)', () => {
  let home: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'toolsmith-home-'));
    env = { TOOLSMITH_HOME: home };
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('imports the 26 starter tools on first use, saying so once on stderr', async () => {
    const first = await spawnToolsmith(['tools', 'list', '--json'], { env });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Imported 26 starter tools into ${home}\n`);
    const tools = JSON.parse(first.stdout) as Array<{ name: string; status: string }>;
    expect(tools).toHaveLength(26);
    expect(tools.every((tool) => tool.status === 'verified')).toBe(true);
    const second = await spawnToolsmith(['tools', 'list'], { env });
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout.split('\n')[0]).toMatch(/^NAME\s+VERSION\s+STATUS/);
  }, 60_000);

  it('ranks percentage_of first for "what is 15 percent of 300"', async () => {
    const result = await spawnToolsmith(['tools', 'search', 'what is 15 percent of 300', '-k', '3', '--json'], { env });
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout) as { hits: Array<{ name: string; similarity: number }>; band: string };
    expect(found.hits).toHaveLength(3);
    expect(found.hits[0]?.name).toBe('percentage_of');
  });

  it('runs a library tool and counts the use', async () => {
    const result = await spawnToolsmith(['tools', 'run', 'percentage_of', '--args', '{"percent":15,"value":300}'], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('45\n');
    const shown = await spawnToolsmith(['tools', 'show', 'percentage_of', '--json'], { env });
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'percentage_of', stats: { uses: 1, successes: 1 } });
  });

  it('exits 2 with a hint for a tool that is not there', async () => {
    const result = await spawnToolsmith(['tools', 'show', 'no_such_tool'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: no tool named "no_such_tool"/);
    expect(result.stderr).toContain('hint: ');
  });
});
