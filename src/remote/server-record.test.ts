import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { connectToServer } from './connect.ts';
import { announceServer, findRunningServer, localUrlOf, SERVER_FILE, type ServerRecord } from './server-record.ts';

const homes: string[] = [];
const newHome = async () => {
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-server-record-'));
  homes.push(home);
  return home;
};
afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

const record = (pid: number): ServerRecord => ({ pid, url: 'http://127.0.0.1:5000', auth: 'none', startedAt: new Date().toISOString() });

describe('finding a running server', () => {
  it('finds the announced server only while that process holds the database lock', async () => {
    const home = await newHome();
    const announcement = announceServer({ home, record: record(process.pid) });
    expect(findRunningServer({ home })).toBeUndefined();
    await writeFile(path.join(home, 'db.lock'), `${process.pid}\n`);
    expect(findRunningServer({ home })).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:5000' });
    announcement.remove();
    expect(findRunningServer({ home })).toBeUndefined();
  });

  it('ignores a record left by a dead process, one another process holds the lock over, and a corrupt file', async () => {
    const home = await newHome();
    // A pid far above Linux's pid_max: certainly not running.
    await writeFile(path.join(home, SERVER_FILE), JSON.stringify(record(99_999_999)));
    await writeFile(path.join(home, 'db.lock'), '99999999\n');
    expect(findRunningServer({ home })).toBeUndefined();
    await writeFile(path.join(home, 'db.lock'), `${process.pid}\n`);
    expect(findRunningServer({ home })).toBeUndefined();
    await writeFile(path.join(home, SERVER_FILE), '{"pid": ');
    expect(findRunningServer({ home })).toBeUndefined();
  });

  it("removes only its own record: a newer server's record stays", async () => {
    const home = await newHome();
    const old = announceServer({ home, record: record(process.pid) });
    await writeFile(path.join(home, SERVER_FILE), JSON.stringify(record(1)));
    old.remove();
    expect(JSON.parse(await readFile(path.join(home, SERVER_FILE), 'utf8'))).toMatchObject({ pid: 1 });
  });

  it('gives a loopback URL for a server listening on every address', () => {
    expect(localUrlOf({ host: '0.0.0.0', port: 5000 })).toBe('http://127.0.0.1:5000');
    expect(localUrlOf({ host: '::', port: 5000 })).toBe('http://[::1]:5000');
    expect(localUrlOf({ host: '::1', port: 80 })).toBe('http://[::1]:80');
    expect(localUrlOf({ host: '192.168.1.7', port: 8080 })).toBe('http://192.168.1.7:8080');
  });
});

describe('connecting', () => {
  it('asks for TOOLSMITH_API_TOKEN when the server wants one, naming the server', () => {
    const thrown = (() => {
      try {
        connectToServer({ server: { ...record(1234), auth: 'token' } });
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(ToolsmithError.isInstance(thrown) && thrown.code).toBe('api_token_required');
    expect(ToolsmithError.isInstance(thrown) && thrown.message).toContain('process 1234');
    expect(ToolsmithError.isInstance(thrown) && thrown.hint).toContain('TOOLSMITH_API_TOKEN');
  });

  it('reports a server that stopped answering as server_unreachable, with what to do', async () => {
    const { registry } = connectToServer({ server: { ...record(1234), url: 'http://127.0.0.1:9' } });
    const thrown = await registry.list().catch((error: unknown) => error);
    expect(ToolsmithError.isInstance(thrown) && thrown.code).toBe('server_unreachable');
    expect(ToolsmithError.isInstance(thrown) && thrown.kind).toBe('system');
    expect(ToolsmithError.isInstance(thrown) && thrown.hint).toContain('toolsmith serve');
  });
});
