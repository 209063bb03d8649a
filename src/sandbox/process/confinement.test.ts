import { mkdir, mkdtemp, rm, symlink, writeFile, access } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types.ts';
import { createProcessBackend } from './process-backend.ts';
import { processPackage } from './test-package.ts';


const backend = createProcessBackend();
const limits = { ...DEFAULT_LIMITS, callTimeoutMs: 5_000 };
const CANARY = `process-canary-${process.pid}-${Date.now()}`;

/** Runs `body` inside an async tool; a throw comes back as the value "refused: <message>". */
async function attempt(body: string, options: { args?: unknown; fsRead?: string[] } = {}) {
  const source = `export async function probe(args) {\n  try { ${body} } catch (error) { return 'refused: ' + String(error && error.message || error); }\n}\n`;
  const outcome = await backend.call({ pkg: processPackage({ source, ...(options.fsRead ? { fsRead: options.fsRead } : {}) }), args: options.args ?? {}, limits });
  expect(outcome.ok).toBe(true);
  return outcome.ok ? String(outcome.value) : '';
}

let home: string;
let granted: string;
let listener: Server;
let port = 0;
let connections = 0;

beforeAll(async () => {
  process.env['TOOLSMITH_PROCESS_CANARY'] = CANARY;
  home = await mkdtemp(join(tmpdir(), 'toolsmith-confinement-'));
  granted = join(home, 'granted');
  await mkdir(granted);
  await writeFile(join(granted, 'ok.txt'), 'readable');
  await writeFile(join(home, 'secret.txt'), CANARY);
  await symlink(join(home, 'secret.txt'), join(granted, 'link-to-secret'));
  await symlink('/etc/passwd', join(granted, 'link-to-passwd'));
  listener = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env['TOOLSMITH_PROCESS_CANARY'];
  await new Promise((resolve) => listener.close(resolve));
  await rm(home, { recursive: true, force: true });
});

describe('process backend confinement', () => {
  it('cannot read /etc/passwd', async () => {
    const value = await attempt("const fs = await import('node:fs'); return fs.readFileSync('/etc/passwd', 'utf8');");
    expect(value).toMatch(/^refused/);
  });

  it('cannot list /root', async () => {
    const value = await attempt("const fs = await import('node:fs'); return fs.readdirSync('/root').join(',');");
    expect(value).toMatch(/^refused/);
  });

  it('cannot write outside its private /tmp, nor to it', async () => {
    const target = join(home, 'written.txt');
    const outside = await attempt("const fs = await import('node:fs'); fs.writeFileSync(args.target, 'x'); return 'wrote';", { args: { target } });
    expect(outside).toMatch(/^refused/);
    await expect(access(target)).rejects.toThrow();
    const inside = await attempt("const fs = await import('node:fs'); fs.writeFileSync('/tmp/x', 'x'); return 'wrote';");
    expect(inside).toMatch(/^refused/);
  });

  it('cannot connect to a listener on the host loopback', async () => {
    const before = connections;
    const value = await attempt(
      "const net = await import('node:net'); return await new Promise((resolve) => { const s = net.connect(args.port, '127.0.0.1', () => resolve('connected')); s.on('error', (e) => resolve('refused: ' + e.message)); });",
      { args: { port } },
    );
    expect(value).toMatch(/^refused/);
    expect(connections).toBe(before);
  });

  it('has no fetch', async () => {
    expect(await attempt("return typeof fetch;")).toBe('undefined');
  });

  it('cannot spawn a child process or start a worker', async () => {
    expect(await attempt("const cp = await import('node:child_process'); return cp.execSync('id').toString();")).toMatch(/^refused/);
    expect(await attempt("const cp = await import('node:child_process'); cp.fork('/sandbox/runner.mjs'); return 'forked';")).toMatch(/^refused/);
    expect(await attempt("const wt = await import('node:worker_threads'); new wt.Worker('1', { eval: true }); return 'started';")).toMatch(/^refused/);
  });

  it('sees none of the host environment', async () => {
    const value = await attempt('return JSON.stringify(process.env);');
    expect(value).not.toContain(CANARY);
    // PWD comes from bubblewrap's --chdir.
    expect(Object.keys(JSON.parse(value)).sort()).toEqual(['HOME', 'LANG', 'PATH', 'PWD']);
  });

  it('runs as nobody', async () => {
    expect(await attempt("return process.getuid() + ':' + process.getgid();")).toBe('65534:65534');
  });

  it('cannot take a heap snapshot to find the result nonce', async () => {
    expect(await attempt("const v8 = await import('node:v8'); v8.getHeapSnapshot(); return 'snapshot';")).toMatch(/^refused/);
  });

  it('reads a file inside a granted folder, by node:fs and by toolsmith.fs', async () => {
    const file = join(granted, 'ok.txt');
    expect(await attempt("const fs = await import('node:fs'); return fs.readFileSync(args.file, 'utf8');", { args: { file }, fsRead: [granted] })).toBe('readable');
    expect(await attempt('return await toolsmith.fs.readFile(args.file);', { args: { file }, fsRead: [granted] })).toBe('readable');
  });

  it('refuses a symlink that leaves the granted folder', async () => {
    for (const link of ['link-to-secret', 'link-to-passwd']) {
      const file = join(granted, link);
      const viaFs = await attempt("const fs = await import('node:fs'); return fs.readFileSync(args.file, 'utf8');", { args: { file }, fsRead: [granted] });
      const viaCapability = await attempt('return await toolsmith.fs.readFile(args.file);', { args: { file }, fsRead: [granted] });
      for (const value of [viaFs, viaCapability]) {
        expect(value).toMatch(/^refused/);
        expect(value).not.toContain(CANARY);
        expect(value).not.toMatch(/root:x:0:0/);
      }
    }
  });

  it('refuses reading next to the granted folder and without a grant', async () => {
    const secret = join(home, 'secret.txt');
    expect(await attempt('return await toolsmith.fs.readFile(args.file);', { args: { file: `${granted}/../secret.txt` }, fsRead: [granted] })).toMatch(/^refused/);
    expect(await attempt("const fs = await import('node:fs'); return fs.readFileSync(args.file, 'utf8');", { args: { file: secret }, fsRead: [granted] })).toMatch(/^refused/);
    expect(await attempt('return await toolsmith.fs.readFile(args.file);', { args: { file: join(granted, 'ok.txt') } })).toMatch(/^refused: .*grants no fs.read/);
  });
});
