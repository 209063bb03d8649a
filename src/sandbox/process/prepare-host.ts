import { execFile } from 'node:child_process';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemError, type ToolsmithError } from '../../errors.ts';
import { DEFAULT_LIMITS } from '../types.ts';
import { confinedCommand, type ConfinementPlan } from './bwrap-args.ts';
import { findExecutable } from './find-executable.ts';
import { systemMounts, type MountOp } from './system-binds.ts';

/** What every run on this host shares: the binaries and the mounts node needs. */
export interface ConfinementHost {
  bwrapPath: string;
  bwrapDisablesUserns: boolean;
  prlimitPath: string;
  nodePath: string;
  systemMounts: MountOp[];
}

const INSTALL_HINT = 'install bubblewrap: apt-get install bubblewrap (Debian/Ubuntu), dnf install bubblewrap (Fedora)';
const PROBE_TIMEOUT_MS = 10_000;

/**
 * Finds bubblewrap, prlimit and node, works out node's mounts, and proves the whole confinement
 * starts by running node inside it once. Throws `sandbox_unavailable` otherwise: process tools
 * never run unconfined.
 */
export async function prepareHost(options: { bwrapPath?: string | undefined; nodePath?: string | undefined }): Promise<ConfinementHost> {
  const bwrapPath = findExecutable({ name: 'bwrap', explicit: options.bwrapPath });
  if (bwrapPath === undefined) {
    const where = options.bwrapPath === undefined ? 'was not found in /usr/bin, /bin or /usr/local/bin' : `was not found at ${options.bwrapPath}`;
    throw unavailable(`bubblewrap (bwrap) is required to run process tools, and it ${where}`, INSTALL_HINT);
  }
  const prlimitPath = findExecutable({ name: 'prlimit' });
  if (prlimitPath === undefined) {
    throw unavailable('prlimit (util-linux) is required to put resource limits on process tools, and it was not found', 'install util-linux: apt-get install util-linux');
  }
  let nodePath: string;
  try {
    nodePath = await realpath(options.nodePath ?? process.execPath);
  } catch (error) {
    throw unavailable(`the node binary for process tools was not found at ${options.nodePath ?? process.execPath}`, 'point nodePath at a Node 24 binary', error);
  }
  let mounts: MountOp[];
  try {
    mounts = systemMounts(nodePath);
  } catch (error) {
    throw unavailable(`could not work out the libraries ${nodePath} needs (ldd failed)`, 'check that ldd (libc-bin) is installed', error);
  }
  const host: ConfinementHost = { bwrapPath, bwrapDisablesUserns: await supportsDisableUserns(bwrapPath), prlimitPath, nodePath, systemMounts: mounts };
  await probe(host);
  return host;
}

/** Runs `node -e` under the real confinement: catches user namespaces being disabled, missing libraries... */
async function probe(host: ConfinementHost): Promise<void> {
  const runDir = await mkdtemp(join(tmpdir(), 'toolsmith-probe-'));
  try {
    const plan: ConfinementPlan = { ...host, runDir, readGrants: [], limits: DEFAULT_LIMITS };
    const { file, args } = confinedCommand(plan, ['-e', 'process.stdout.write("ok")']);
    const result = await new Promise<{ stdout: string; stderr: string; error: Error | null }>((resolve) => {
      execFile(file, args, { env: { PATH: '/usr/bin:/bin' }, timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ stdout, stderr, error }));
    });
    if (result.stdout === 'ok') return;
    const detail = (result.stderr.trim() || result.error?.message || 'no output').slice(0, 2_000);
    throw unavailable(
      `bubblewrap is installed but could not start a sandbox: ${detail}`,
      'allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 also kernel.apparmor_restrict_unprivileged_userns=0), or run Toolsmith where they are allowed',
    );
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

function supportsDisableUserns(bwrapPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(bwrapPath, ['--help'], { env: { PATH: '/usr/bin:/bin' }, timeout: PROBE_TIMEOUT_MS, encoding: 'utf8' }, (_error, stdout, stderr) =>
      resolve(`${stdout}${stderr}`.includes('--disable-userns')));
  });
}

function unavailable(message: string, hint: string, cause?: unknown): ToolsmithError {
  return systemError('sandbox_unavailable', message, hint, cause);
}
