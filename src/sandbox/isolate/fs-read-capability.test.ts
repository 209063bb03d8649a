import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxLimits } from '../types.ts';
import { createIsolateBackend } from './isolate-backend.ts';
import { FAST_LIMITS, probePackage } from './test-package.ts';

const backend = createIsolateBackend();
const SECRET = `secret-${process.pid}`;
const READ = `export async function probe(args: { file: unknown }) {
  try { return 'read: ' + await toolsmith.fs.readFile(args.file as string); }
  catch (error) { return 'refused: ' + (error instanceof Error ? error.message : String(error)); }
}`;

let home: string;
let granted: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'toolsmith-isolate-fs-'));
  granted = path.join(home, 'granted');
  await mkdir(path.join(granted, 'nested'), { recursive: true });
  await writeFile(path.join(granted, 'ok.txt'), 'readable');
  await writeFile(path.join(granted, 'nested', 'deep.txt'), 'deep');
  await writeFile(path.join(granted, 'big.txt'), 'b'.repeat(5_000));
  await writeFile(path.join(home, 'secret.txt'), SECRET);
  await symlink(path.join(home, 'secret.txt'), path.join(granted, 'link-to-secret'));
  await symlink(home, path.join(granted, 'link-to-parent'));
  await symlink(path.join(granted, 'ok.txt'), path.join(granted, 'link-inside'));
  execFileSync('mkfifo', [path.join(granted, 'pipe')]);
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

async function read(file: unknown, options: { fsRead?: string[]; limits?: Partial<SandboxLimits>; dir?: string } = { fsRead: [] }) {
  const fsRead = 'fsRead' in options ? options.fsRead : [granted];
  const pkg = probePackage({ source: READ, ...(fsRead === undefined ? {} : { fsRead }), ...(options.dir === undefined ? {} : { dir: options.dir }) });
  const outcome = await backend.call({ pkg, args: { file }, limits: { ...FAST_LIMITS, ...options.limits } });
  expect(outcome.ok).toBe(true);
  return outcome.ok ? String(outcome.value) : '';
}

const granting = { fsRead: undefined };
const withGrant = () => ({ fsRead: [granted] });

describe('isolate backend: fs.read capability', () => {
  it('reads a file inside the granted folder', async () => {
    expect(await read(path.join(granted, 'ok.txt'), withGrant())).toBe('read: readable');
  });

  it('resolves a relative path against the first granted folder', async () => {
    expect(await read('nested/deep.txt', withGrant())).toBe('read: deep');
  });

  it('follows a symlink that stays inside the granted folder', async () => {
    expect(await read(path.join(granted, 'link-inside'), withGrant())).toBe('read: readable');
  });

  it('refuses a file outside the granted folder', async () => {
    const text = await read('/etc/passwd', withGrant());
    expect(text).toMatch(/^refused: fs\.read refused: .*outside the granted folders/);
  });

  it('refuses a symlink that leaves the granted folder', async () => {
    const text = await read(path.join(granted, 'link-to-secret'), withGrant());
    expect(text).toMatch(/^refused: .*outside/);
    expect(text).not.toContain(SECRET);
  });

  it('refuses a symlinked folder that leads outside the grant', async () => {
    const text = await read(path.join(granted, 'link-to-parent', 'secret.txt'), withGrant());
    expect(text).toMatch(/^refused: .*outside/);
  });

  it('refuses ".." traversal out of the granted folder', async () => {
    expect(await read(`${granted}/../secret.txt`, withGrant())).toMatch(/^refused: .*outside/);
    expect(await read('../secret.txt', withGrant())).toMatch(/^refused: .*outside/);
  });

  it('does not reveal whether a file outside the grant exists', async () => {
    const missing = await read(path.join(home, 'no-such-file'), withGrant());
    const present = await read(path.join(home, 'secret.txt'), withGrant());
    expect(missing.replace('no-such-file', 'X')).toBe(present.replace('secret.txt', 'X'));
  });

  it('refuses reading when the manifest grants nothing, and says how to grant', async () => {
    const text = await read(path.join(granted, 'ok.txt'), granting);
    expect(text).toMatch(/^refused: .*no fs\.read grant.*tool\.json/);
  });

  it('refuses a folder, a FIFO and a file over maxResultBytes', async () => {
    expect(await read(path.join(granted, 'nested'), withGrant())).toMatch(/^refused: .*is a folder/);
    expect(await read(path.join(granted, 'pipe'), withGrant())).toMatch(/^refused: .*not a regular file/);
    expect(await read(path.join(granted, 'big.txt'), { ...withGrant(), limits: { maxResultBytes: 1_000 } })).toMatch(/^refused: .*maxResultBytes/);
  });

  it('refuses a grant of the kernel trees', async () => {
    expect(await read('/proc/self/environ', { fsRead: ['/proc'] })).toMatch(/^refused/);
  });

  it('refuses arguments that are not path strings', async () => {
    for (const file of [42, null, ['x'], { toString: 'x' }]) {
      expect(await read(file, withGrant())).toMatch(/^refused/);
    }
    expect(await read(`${granted}/ok.txt\u0000.png`, withGrant())).toMatch(/^refused: .*NUL/);
  });

  it('raises errors of the isolate realm, with no path to the host Function', async () => {
    const pkg = probePackage({
      fsRead: [granted],
      source: `export async function probe() {
        try { await toolsmith.fs.readFile('/etc/passwd'); return 'read'; } catch (e: any) {
          const F = e.constructor.constructor;
          return [e.constructor === Error, F('return typeof process')()];
        }
      }`,
    });
    const outcome = await backend.call({ pkg, args: {}, limits: FAST_LIMITS });
    expect(outcome).toMatchObject({ ok: true, value: [true, 'undefined'] });
  });
});
