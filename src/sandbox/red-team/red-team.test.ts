/**
 * The red-team suite: each case is an attack written as a tool, run through the public sandbox
 * port on every backend it applies to, asserting that the attack is stopped and the host unharmed.
 * Attacks that catch their own failure return a description of what they saw, so assertions can
 * check that no secret leaked, not only that something failed.
 */
import { mkdtemp, mkdir, rm, symlink, writeFile, access } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../index.ts';
import type { CallOutcome, SandboxLimits } from '../index.ts';
import type { ToolRuntime } from '../../tool-package/index.ts';
import { attackPackage } from './make-package.ts';

const CANARY = `canary-${process.pid}-${Date.now()}`;
const sandbox = createSandbox();
const fast: Partial<SandboxLimits> = { callTimeoutMs: 3_000, suiteTimeoutMs: 5_000, cpuTimeMs: 3_000, memoryMb: 64 };

let home: string;
let granted: string;
let secretFile: string;
let listener: Server;
let listenerPort = 0;
let connections = 0;

beforeAll(async () => {
  process.env['TOOLSMITH_REDTEAM_SECRET'] = CANARY;
  home = await mkdtemp(path.join(tmpdir(), 'toolsmith-redteam-'));
  granted = path.join(home, 'granted');
  await mkdir(granted);
  await writeFile(path.join(granted, 'ok.txt'), 'readable');
  secretFile = path.join(home, 'secret.txt');
  await writeFile(secretFile, CANARY);
  await symlink(secretFile, path.join(granted, 'link-to-secret'));
  await symlink(home, path.join(granted, 'link-to-parent'));
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  listenerPort = (listener.address() as { port: number }).port;
});

afterAll(async () => {
  delete process.env['TOOLSMITH_REDTEAM_SECRET'];
  await new Promise((resolve) => listener.close(resolve));
  await rm(home, { recursive: true, force: true });
});

async function attack(runtime: ToolRuntime, source: string, options: { args?: unknown; fsRead?: string[]; limits?: Partial<SandboxLimits> } = {}) {
  const pkg = attackPackage({ runtime, source, ...(options.fsRead ? { capabilities: { 'fs.read': options.fsRead } } : {}) });
  return sandbox.call({ pkg, args: options.args ?? {}, limits: { ...fast, ...options.limits } });
}

function leaked(outcome: CallOutcome): string {
  return JSON.stringify(outcome.ok ? outcome.value : outcome.error) + outcome.console.text;
}

/** The host is unharmed: still responsive, the canary intact, a fresh call still works. */
async function expectHostHealthy(runtime: ToolRuntime) {
  const tick = await new Promise<number>((resolve) => {
    const start = performance.now();
    setImmediate(() => resolve(performance.now() - start));
  });
  expect(tick).toBeLessThan(1_000);
  expect(process.env['TOOLSMITH_REDTEAM_SECRET']).toBe(CANARY);
  const outcome = await attack(runtime, 'export function attack() { return 1 + 1; }');
  expect(outcome).toMatchObject({ ok: true, value: 2 });
}

const catching = (body: string) => `export async function attack(args) {
  try { ${body} } catch (error) { return 'refused: ' + String(error && error.message || error); }
}`;

describe.each(['isolate', 'process'] as const)('red team on the %s backend', (runtime) => {
  // ---- Host files and secrets -------------------------------------------------------------
  it('cannot read /etc/passwd', async () => {
    const body =
      runtime === 'isolate'
        ? "return await toolsmith.fs.readFile('/etc/passwd');"
        : "const fs = await import('node:fs'); return fs.readFileSync('/etc/passwd', 'utf8');";
    const outcome = await attack(runtime, catching(body));
    expect(leaked(outcome)).not.toMatch(/root:x:0:0/);
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  it('cannot read a secret file in the host temp folder', async () => {
    const body =
      runtime === 'isolate'
        ? 'return await toolsmith.fs.readFile(args.path);'
        : "const fs = await import('node:fs'); return fs.readFileSync(args.path, 'utf8');";
    const outcome = await attack(runtime, catching(body), { args: { path: secretFile } });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it("cannot list the user's home folder", async () => {
    const body =
      runtime === 'isolate'
        ? "return await toolsmith.fs.readFile(args.home + '/.bashrc');"
        : "const fs = await import('node:fs'); return fs.readdirSync(args.home).join(',');";
    const outcome = await attack(runtime, catching(body), { args: { home: process.env['HOME'] ?? '/root' } });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  it('sees none of the host environment variables', async () => {
    const body =
      runtime === 'isolate'
        ? "return typeof process === 'undefined' ? 'no process' : JSON.stringify(process.env);"
        : 'return JSON.stringify(process.env);';
    const outcome = await attack(runtime, catching(body));
    expect(outcome.ok).toBe(true);
    expect(leaked(outcome)).not.toContain(CANARY);
    expect(leaked(outcome)).not.toContain('TOOLSMITH_REDTEAM_SECRET');
  });

  it('cannot read /proc/self/environ or the host processes', async () => {
    const body =
      runtime === 'isolate'
        ? "return await toolsmith.fs.readFile('/proc/self/environ');"
        : "const fs = await import('node:fs'); return fs.readFileSync('/proc/self/environ', 'utf8') + fs.readFileSync('/proc/1/environ', 'utf8');";
    const outcome = await attack(runtime, catching(body));
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  // ---- Writing outside the sandbox ---------------------------------------------------------
  it('cannot write a file on the host', async () => {
    const target = path.join(home, 'written-by-tool.txt');
    const body =
      runtime === 'isolate'
        ? "const req = globalThis['req' + 'uire']; if (typeof req === 'function') { req('fs').writeFileSync(args.target, 'x'); return 'wrote'; } return 'refused: no require';"
        : "const fs = await import('node:fs'); fs.writeFileSync(args.target, 'pwned'); return 'wrote';";
    const outcome = await attack(runtime, catching(body), { args: { target } });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
    await expect(access(target)).rejects.toThrow();
  });

  // ---- Network egress ----------------------------------------------------------------------
  it('cannot make an HTTP request to a host listener', async () => {
    const before = connections;
    const body =
      runtime === 'isolate'
        ? "if (typeof fetch === 'function') { await fetch('http://127.0.0.1:' + args.port); return 'sent'; } return 'refused: no fetch';"
        : "const http = await import('node:http'); return await new Promise((resolve) => { const req = http.get('http://127.0.0.1:' + args.port, () => resolve('sent')); req.on('error', (e) => resolve('refused: ' + e.message)); });";
    const outcome = await attack(runtime, catching(body), { args: { port: listenerPort } });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
    expect(connections).toBe(before);
  });

  it('cannot open a raw TCP connection to a listener on 127.0.0.1', async () => {
    const before = connections;
    const body =
      runtime === 'isolate'
        ? "const g = globalThis; return g['req' + 'uire'] === undefined && g.WebSocket === undefined && g.Deno === undefined ? 'refused: no sockets' : 'has sockets';"
        : "const net = await import('node:net'); return await new Promise((resolve) => { const s = net.connect(args.port, '127.0.0.1', () => resolve('connected')); s.on('error', (e) => resolve('refused: ' + e.message)); });";
    const outcome = await attack(runtime, catching(body), { args: { port: listenerPort } });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
    expect(connections).toBe(before);
  });

  it('cannot resolve DNS names', async () => {
    const body =
      runtime === 'isolate'
        ? "const g = globalThis; return g['req' + 'uire'] === undefined && g.process === undefined ? 'refused: no dns' : 'has dns';"
        : "const dns = await import('node:dns'); const r = await dns.promises.lookup('localhost'); return 'resolved ' + r.address;";
    const outcome = await attack(runtime, catching(body));
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  // ---- Processes -------------------------------------------------------------------------
  it('cannot spawn a process', async () => {
    const body =
      runtime === 'isolate'
        ? "return typeof process === 'undefined' ? 'refused: no process' : 'has process';"
        : "const cp = await import('node:child_process'); return cp.execSync('id').toString();";
    const outcome = await attack(runtime, catching(body));
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  it('cannot fork or start workers', async () => {
    const body =
      runtime === 'isolate'
        ? "return typeof Worker === 'undefined' ? 'refused: no workers' : 'has workers';"
        : "const wt = await import('node:worker_threads'); new wt.Worker('setInterval(()=>{}, 1000)', { eval: true }); return 'started';";
    const outcome = await attack(runtime, catching(body));
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  it('cannot kill or signal the host process', async () => {
    const body =
      runtime === 'isolate'
        ? "return typeof process === 'undefined' ? 'refused: no process' : 'has process';"
        : "try { process.kill(args.pid, 'SIGKILL'); } catch (e) { } process.kill(process.ppid, 'SIGKILL'); return 'signalled ' + process.ppid;";
    const outcome = await attack(runtime, catching(body), { args: { pid: process.pid } });
    expect(outcome.ok === false || /^refused|signalled 0/.test(String(outcome.value))).toBe(true);
    await expectHostHealthy(runtime);
  });

  // ---- Resource exhaustion -----------------------------------------------------------------
  it('stops a memory bomb at the heap limit and stays healthy', async () => {
    const outcome = await attack(runtime, "export function attack() { const a = []; for (;;) a.push(new Array(1e6).fill(1.5)); }");
    expect(outcome).toMatchObject({ ok: false, error: { code: 'memory_limit' } });
    await expectHostHealthy(runtime);
  });

  it('stops a string-doubling memory bomb', async () => {
    const outcome = await attack(runtime, "export function attack() { let s = 'x'; const keep = []; for (;;) { s = s + s; keep.push(s + '.'); } }");
    expect(outcome.ok).toBe(false);
    expect(['memory_limit', 'tool_threw']).toContain(outcome.ok ? '' : outcome.error.code);
  });

  it('stops a synchronous CPU spin at the wall limit', async () => {
    const started = performance.now();
    const outcome = await attack(runtime, 'export function attack() { for (;;) {} }', { limits: { callTimeoutMs: 1_000 } });
    expect(outcome.ok).toBe(false);
    expect(['timeout', 'cpu_limit']).toContain(outcome.ok ? '' : outcome.error.code);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('stops a promise that never settles', async () => {
    const outcome = await attack(runtime, 'export function attack() { return new Promise(() => {}); }', { limits: { callTimeoutMs: 800 } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('stops a microtask flood', async () => {
    const outcome = await attack(runtime, 'export function attack() { const spin = () => Promise.resolve().then(spin); spin(); return new Promise(() => {}); }', {
      limits: { callTimeoutMs: 1_000 },
    });
    expect(outcome.ok).toBe(false);
    // A flood of pending reactions also fills the heap; any of these limits stops it.
    expect(['timeout', 'cpu_limit', 'memory_limit']).toContain(outcome.ok ? '' : outcome.error.code);
    await expectHostHealthy(runtime);
  });

  it('stops Atomics.wait blocking forever', async () => {
    const outcome = await attack(runtime, 'export function attack() { const sab = new SharedArrayBuffer(4); Atomics.wait(new Int32Array(sab), 0, 0); return "woke"; }', {
      limits: { callTimeoutMs: 800 },
    });
    expect(outcome.ok === false || String(outcome.value) !== 'woke').toBe(true);
  });

  it('keeps the host event loop running while the tool spins', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await attack(runtime, 'export function attack() { for (;;) {} }', { limits: { callTimeoutMs: 1_000 } });
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(10);
  });

  it('truncates console flooding at the output cap', async () => {
    const outcome = await attack(runtime, "export function attack() { const line = 'y'.repeat(1000); for (let i = 0; i < 5000; i++) console.log(line); return 'done'; }", {
      limits: { maxConsoleBytes: 10_000 },
    });
    expect(outcome.console.truncated).toBe(true);
    expect(outcome.console.text.length).toBeLessThan(12_000);
  });

  it('refuses a huge return value', async () => {
    const outcome = await attack(runtime, "export function attack() { return 'z'.repeat(5_000_000); }", { limits: { maxResultBytes: 100_000 } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'output_limit' } });
  });

  it('refuses huge arguments before running anything', async () => {
    const outcome = await attack(runtime, 'export function attack(args) { return args; }', {
      args: { blob: 'a'.repeat(200_000) },
      limits: { maxArgsBytes: 100_000 },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'args_too_large' } });
  });

  it('contains recursion overflow as a tool error', async () => {
    const outcome = await attack(runtime, 'export function attack() { const f = (n) => f(n + 1) + 1; return f(0); }');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'tool_threw' } });
    await expectHostHealthy(runtime);
  });

  // ---- Escapes through exposed objects -------------------------------------------------------
  it('finds no host Function through the constructor chain of globals', async () => {
    const body = "const F = (function(){}).constructor.constructor; const p = F('return typeof process === \"object\" && process.env ? JSON.stringify(process.env) : \"no host process\"')(); return 'refused: ' + p;";
    const outcome = await attack(runtime, catching(body));
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('finds no host Function through the capability object', async () => {
    const body =
      "const fn = toolsmith.fs.readFile; const F = fn.constructor; const g = F('return this')(); const p = g.process; return 'refused: ' + (p && p.env ? JSON.stringify(p.env) : 'no host process');";
    const outcome = await attack(runtime, catching(body), { fsRead: [granted] });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('finds no host objects through errors raised by the capability', async () => {
    const body =
      "try { await toolsmith.fs.readFile('/nope'); } catch (e) { const F = e.constructor.constructor; const p = F('return typeof process === \"object\" ? process : null')(); return 'refused: ' + (p && p.env ? JSON.stringify(p.env) : 'no host process'); } return 'refused: no error';";
    const outcome = await attack(runtime, catching(body), { fsRead: [granted] });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('survives capability calls with hostile arguments', async () => {
    const body =
      "const evil = { toString() { throw new Error('gotcha'); }, valueOf() { for(;;){} } }; const seen = []; for (const a of [evil, 42, null, undefined, ['x'], '\\u0000/etc/passwd']) { try { await toolsmith.fs.readFile(a); seen.push('read'); } catch (e) { seen.push('refused'); } } return 'refused: ' + seen.join(',');";
    const outcome = await attack(runtime, catching(body), { fsRead: [granted] });
    expect(outcome).toMatchObject({ ok: true, value: 'refused: refused,refused,refused,refused,refused,refused' });
    await expectHostHealthy(runtime);
  });

  it('cannot forge a passing verification by replacing the harness', async () => {
    const pkg = attackPackage({
      runtime,
      source: 'export function attack() { return 1; }',
      tests:
        "import { it, expect } from 'vitest';\n" +
        "try { globalThis.__toolsmith_harness.run = async () => ({ tests: [{ name: 'forged', status: 'passed', durationMs: 0 }] }); } catch {}\n" +
        "try { Object.defineProperty(globalThis, '__toolsmith_harness', { value: { run: async () => ({ tests: [{ name: 'forged', status: 'passed', durationMs: 0 }] }) } }); } catch {}\n" +
        "it('really fails', () => { expect(1).toBe(2); });\n",
    });
    const suite = await sandbox.verify({ pkg, limits: fast });
    expect(suite.ok).toBe(false);
    expect(suite.tests.map((t) => t.name)).not.toContain('forged');
  });

  // ---- fs.read capability: traversal and symlinks ----------------------------------------------
  it('reads a file inside the granted folder', async () => {
    const outcome = await attack(runtime, catching('return await toolsmith.fs.readFile(args.file);'), {
      args: { file: path.join(granted, 'ok.txt') },
      fsRead: [granted],
    });
    expect(outcome).toMatchObject({ ok: true, value: 'readable' });
  });

  it('refuses path traversal out of the granted folder', async () => {
    const outcome = await attack(runtime, catching('return await toolsmith.fs.readFile(args.file);'), {
      args: { file: `${granted}/../secret.txt` },
      fsRead: [granted],
    });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('refuses a symlink that leaves the granted folder', async () => {
    const outcome = await attack(runtime, catching('return await toolsmith.fs.readFile(args.file);'), {
      args: { file: path.join(granted, 'link-to-secret') },
      fsRead: [granted],
    });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('refuses a symlinked folder that leads outside the grant', async () => {
    const outcome = await attack(runtime, catching('return await toolsmith.fs.readFile(args.file);'), {
      args: { file: path.join(granted, 'link-to-parent', 'secret.txt') },
      fsRead: [granted],
    });
    expect(leaked(outcome)).not.toContain(CANARY);
  });

  it('refuses reading without any grant', async () => {
    const outcome = await attack(runtime, catching('return await toolsmith.fs.readFile(args.file);'), {
      args: { file: path.join(granted, 'ok.txt') },
    });
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });
});

describe('red team, process backend only', () => {
  it('cannot load native addons or internal bindings', async () => {
    const body = "const m = await import('node:module'); const req = m.createRequire('/sandbox/x.js'); try { process.dlopen({ exports: {} }, '/lib/x86_64-linux-gnu/libc.so.6'); return 'loaded'; } catch (e) { return 'refused: ' + e.message; }";
    const outcome = await attack('process', catching(body));
    expect(outcome).toMatchObject({ ok: true, value: expect.stringMatching(/^refused/) });
  });

  it('cannot write a large file even to its private /tmp', async () => {
    const body = "const fs = await import('node:fs'); fs.writeFileSync('/tmp/big', 'x'.repeat(50_000_000)); return 'wrote';";
    const outcome = await attack('process', catching(body));
    expect(outcome.ok === false || /^refused/.test(String(outcome.value))).toBe(true);
  });
});
