import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../types.ts';
import { bwrapArgs, confinedCommand, nodeArgs, rlimitArgs, type ConfinementPlan } from './bwrap-args.ts';
import { prepareHost } from './prepare-host.ts';
import { parseLdd } from './system-binds.ts';

let plan: ConfinementPlan;
let runDir: string;

beforeAll(async () => {
  runDir = await mkdtemp(join(tmpdir(), 'toolsmith-args-'));
  const host = await prepareHost({});
  plan = { ...host, runDir, readGrants: [{ path: '/srv/data', real: '/srv/data' }], limits: DEFAULT_LIMITS };
});

afterAll(async () => {
  await rm(runDir, { recursive: true, force: true });
});

/** Runs a node one-liner under bubblewrap and the rlimits but without Node's permission model. */
function runWithoutPermissionModel(script: string): Promise<string> {
  const args = [...rlimitArgs(plan.limits), plan.bwrapPath, ...bwrapArgs({ ...plan, readGrants: [] }), '--', plan.nodePath, '-e', script];
  return new Promise((resolve, reject) => {
    execFile(plan.prlimitPath, args, { env: { PATH: '/usr/bin:/bin' } }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)));
  });
}

describe('bubblewrap command line', () => {
  it('binds only node, its libraries, ld.so.cache, the run folder and the grants', () => {
    const args = bwrapArgs(plan);
    const sources = args.flatMap((arg, index) => (arg === '--ro-bind' ? [args[index + 1]!] : []));
    expect(sources).toContain(plan.nodePath);
    expect(sources).toContain(runDir);
    expect(sources).toContain('/srv/data');
    for (const source of sources) {
      if (source === plan.nodePath || source === runDir || source === '/srv/data') continue;
      expect(source === '/etc/ld.so.cache' || /\/lib[^/]*\/.*\.so(\.\d+)*$|ld-linux/.test(source)).toBe(true);
    }
    // Node may live below /root or /home (a version manager's cache); then that one file is all.
    const others = sources.filter((source) => source !== plan.nodePath);
    expect(others.some((source) => source === '/etc' || source.startsWith('/root') || source.startsWith('/home') || source === '/usr/lib')).toBe(false);
  });

  it('confines every namespace, drops capabilities and clears the environment', () => {
    const args = bwrapArgs(plan);
    for (const flag of ['--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--clearenv', '--cap-drop']) {
      expect(args).toContain(flag);
    }
    expect(args.join(' ')).toContain('--uid 65534 --gid 65534');
    expect(args.join(' ')).toContain(`--ro-bind ${runDir} /sandbox`);
    // The grant comes after the private /tmp, so a grant below /tmp stays visible.
    expect(args.indexOf('/srv/data')).toBeGreaterThan(args.indexOf('--tmpfs'));
  });

  it('runs node with the permission model and nothing allowed but reading', () => {
    const args = nodeArgs(plan);
    expect(args).toContain('--permission');
    expect(args.filter((arg) => arg.startsWith('--allow-'))).toEqual(['--allow-fs-read=/sandbox', '--allow-fs-read=/srv/data']);
    expect(args).toContain('--max-old-space-size=128');
  });

  it('puts the rlimits in front of bubblewrap', () => {
    const { file, args } = confinedCommand(plan);
    expect(file).toBe(plan.prlimitPath);
    expect(args.slice(0, 5)).toEqual(rlimitArgs(DEFAULT_LIMITS));
    expect(rlimitArgs({ ...DEFAULT_LIMITS, cpuTimeMs: 1_500, memoryMb: 64 })).toContain('--cpu=2');
    expect(args.at(-1)).toBe('/sandbox/runner.mjs');
  });

  it('hides host files even without the permission model', async () => {
    const listing = JSON.parse(await runWithoutPermissionModel("console.log(JSON.stringify(require('fs').readdirSync('/').sort()))")) as string[];
    expect(listing).not.toContain('home');
    expect(listing).toContain('sandbox');
    // The only thing below the node binary's folder is the binary itself.
    const beside = JSON.parse(await runWithoutPermissionModel(`console.log(JSON.stringify(require('fs').readdirSync(${JSON.stringify(dirname(plan.nodePath))})))`)) as string[];
    expect(beside).toEqual([basename(plan.nodePath)]);
    const etc = JSON.parse(await runWithoutPermissionModel("console.log(JSON.stringify(require('fs').readdirSync('/etc')))")) as string[];
    expect(etc).toEqual(['ld.so.cache']);
  });

  it('parses ldd output into library paths', () => {
    const output = [
      '\tlinux-vdso.so.1 (0x00007ffd)',
      '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f5b)',
      '\t/lib64/ld-linux-x86-64.so.2 (0x00007f5c)',
    ].join('\n');
    expect(parseLdd(output)).toEqual(['/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });
});
