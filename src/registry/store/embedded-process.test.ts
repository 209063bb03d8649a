import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openToolStore } from './open-store.ts';

const here = import.meta.dirname;

function runChild(script: string, args: string[]): { done: Promise<string>; child: ReturnType<typeof spawn>; output: () => string } {
  const child = spawn(process.execPath, [join(here, 'test-support', script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<string>((resolve) => child.on('close', () => resolve(out + err)));
  return { done, child, output: () => out };
}

describe('embedded store across processes', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'toolsmith-store-proc-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process while one holds the database, naming its pid', async () => {
    const { close } = await openToolStore({ dataDir });
    try {
      expect((await readFile(join(dataDir, 'db.lock'), 'utf8')).trim()).toBe(String(process.pid));
      const report = JSON.parse(await runChild('open-store-child.ts', [dataDir]).done) as Record<string, string>;
      expect(report).toMatchObject({ opened: false, kind: 'system', code: 'database_locked' });
      expect(report.message).toContain(`process ${process.pid}`);
      expect(report.hint).toMatch(/stop that process/);
    } finally {
      await close();
    }
    expect(existsSync(join(dataDir, 'db.lock'))).toBe(false);
    expect(JSON.parse(await runChild('open-store-child.ts', [dataDir]).done)).toEqual({ opened: true });
  }, 60_000);

  it('survives kill -9 in the middle of writes: reopens consistent with every acknowledged commit', async () => {
    let acknowledged = 0;
    for (let round = 0; round < 3; round += 1) {
      const run = runChild('add-versions-loop.ts', [dataDir, String(round)]);
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (run.output().includes('committed 3')) {
            clearInterval(timer);
            resolve();
          }
        }, 10);
        run.done.then((text) => reject(new Error(`the writer exited early: ${text}`)), reject);
      });
      // A random moment within the next stretch of writes.
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400));
      run.child.kill('SIGKILL');
      await run.done;
      const counts = [...run.output().matchAll(/committed (\d+)/g)].map((match) => Number(match[1]));
      acknowledged += counts.at(-1) ?? 0;
    }
    expect(existsSync(join(dataDir, 'db.lock'))).toBe(true); // left by the killed writer, taken over below

    const { store, sql, close } = await openToolStore({ dataDir });
    try {
      const { rows: broken } = await sql.query<{ name: string }>(
        `SELECT t.name FROM tools t
         WHERE NOT EXISTS (SELECT 1 FROM tool_versions v WHERE v.tool_name = t.name AND v.version = t.current_version)
            OR t.current_version <> (SELECT v.version FROM tool_versions v WHERE v.tool_name = t.name ORDER BY v.id DESC LIMIT 1)
            OR t.use_count <> (SELECT count(*) FROM executions e WHERE e.tool_name = t.name)`,
      );
      expect(broken).toEqual([]);
      const { rows } = await sql.query<{ versions: number; executions: number }>(
        `SELECT (SELECT count(*) FROM tool_versions WHERE tool_name LIKE 'crash_tool_%')::int AS versions,
                (SELECT count(*) FROM executions WHERE tool_name LIKE 'crash_tool_%')::int AS executions`,
      );
      // Every acknowledged step is there; at most one unacknowledged version per round got in too.
      expect(rows[0]?.executions).toBeGreaterThanOrEqual(acknowledged);
      expect(rows[0]?.versions).toBeGreaterThanOrEqual(acknowledged);
      expect(rows[0]?.versions).toBeLessThanOrEqual(acknowledged + 3);
      const tools = await store.list();
      expect(tools.filter((tool) => tool.name.startsWith('crash_tool_'))).toHaveLength(4);
      for (const tool of tools) expect((await store.get({ name: tool.name })).isCurrent).toBe(true);
      expect(await store.embeddingsMissing({ embedderId: 'crash-test' })).toEqual([]);
      expect(await store.vectorSearch({ embedderId: 'crash-test', vector: [1, 0, 1], limit: 4 })).toHaveLength(4);
    } finally {
      await close();
    }
  }, 120_000);
});
