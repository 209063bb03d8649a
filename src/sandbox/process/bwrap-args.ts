import type { SandboxLimits } from '../types.ts';
import { RUNNER_FILE, SANDBOX_DIR } from './runner-script.ts';
import type { ReadGrant } from '../read-grants.ts';
import type { MountOp } from './system-binds.ts';

/** Everything that decides what one confined run may see and use. */
export interface ConfinementPlan {
  bwrapPath: string;
  /** bubblewrap 0.8+ can forbid nested user namespaces; older ones reject the flag. */
  bwrapDisablesUserns: boolean;
  prlimitPath: string;
  /** Real path of the node binary, mounted at the same path inside. */
  nodePath: string;
  /** Mounts node needs to start (`systemMounts`). */
  systemMounts: MountOp[];
  /** Host folder holding the runner, harness and bundle; mounted read-only at /sandbox. */
  runDir: string;
  /** The `fs.read` grants: each real folder mounted read-only at its own path, and at the granted path. */
  readGrants: ReadGrant[];
  limits: SandboxLimits;
}

/** Inside the sandbox the process runs as nobody; the user namespace maps it to the caller outside. */
const SANDBOX_UID = '65534';
// Measured: node 24 needs about 1.5 GB of address space before it runs any code (V8 reserves its
// cages and code range up front), so the cap is the heap plus 2 GB; a Buffer bomb stops well
// below the machine's memory all the same.
const ADDRESS_SPACE_BASE_MB = 2048;
const MAX_FILE_BYTES = 1_048_576;
const MAX_OPEN_FILES = 256;

/**
 * The command to spawn: prlimit sets the rlimits, then execs bubblewrap, which execs node on
 * `entry` (the runner unless told otherwise).
 */
export function confinedCommand(plan: ConfinementPlan, entry: string[] = [`${SANDBOX_DIR}/${RUNNER_FILE}`]): { file: string; args: string[] } {
  return {
    file: plan.prlimitPath,
    args: [...rlimitArgs(plan.limits), plan.bwrapPath, ...bwrapArgs(plan), '--', plan.nodePath, ...nodeArgs(plan), ...entry],
  };
}

/**
 * prlimit options. CPU: soft and hard limit are equal, so the kernel sends SIGKILL at the limit
 * (a pid-1 node ignores SIGXCPU, and a spinning event loop could not handle it anyway).
 * No RLIMIT_NPROC: measured, it is not enforced at all for a host running as root, and for other
 * users it counts every process the user owns on the host, so no value both stops a fork bomb and
 * leaves a desktop session alone. Forks are stopped by the permission model instead (no
 * child_process, workers, addons or WASI), and the pid namespace dies as one.
 */
export function rlimitArgs(limits: SandboxLimits): string[] {
  const cpuSeconds = Math.max(1, Math.ceil(limits.cpuTimeMs / 1000));
  const addressSpace = (limits.memoryMb + ADDRESS_SPACE_BASE_MB) * 1024 * 1024;
  return [
    `--as=${addressSpace}`,
    `--cpu=${cpuSeconds}`,
    `--fsize=${MAX_FILE_BYTES}`,
    `--nofile=${MAX_OPEN_FILES}`,
    '--core=0',
  ];
}

export function bwrapArgs(plan: ConfinementPlan): string[] {
  const args = [
    // New user, pid, net, ipc, uts and cgroup namespaces: no network, no view of host processes.
    '--unshare-all',
    '--unshare-user',
    ...(plan.bwrapDisablesUserns ? ['--disable-userns'] : []),
    // Node itself is pid 1 (no bubblewrap init): its parent is outside, so it sees ppid 0 and has
    // nothing to signal, and signals from inside its own namespace cannot stop it.
    '--as-pid-1',
    '--die-with-parent',
    // A new session: the code cannot reach the host terminal (TIOCSTI).
    '--new-session',
    '--clearenv',
    '--setenv', 'PATH', '/usr/bin:/bin',
    '--setenv', 'HOME', '/tmp',
    '--setenv', 'LANG', 'C.UTF-8',
    '--uid', SANDBOX_UID,
    '--gid', SANDBOX_UID,
    '--hostname', 'sandbox',
  ];
  for (const op of plan.systemMounts) {
    if (op.kind === 'ro-bind') args.push('--ro-bind', op.source, op.dest);
    else args.push('--symlink', op.target, op.dest);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp');
  args.push('--ro-bind', plan.runDir, SANDBOX_DIR);
  // After /tmp, so a grant below the host's /tmp is mounted over the private one, not hidden by it.
  for (const grant of plan.readGrants) {
    args.push('--ro-bind', grant.real, grant.real);
    // A grant named through a symlink (/home/me/data -> /mnt/data) works under its own name too.
    if (grant.path !== grant.real) args.push('--symlink', grant.real, grant.path);
  }
  args.push('--remount-ro', '/', '--cap-drop', 'ALL', '--chdir', SANDBOX_DIR);
  return args;
}

/**
 * Node's permission model, a second wall inside the first: reads only below /sandbox and the
 * grants; no writes, child processes, workers, addons, WASI or inspector (none of the --allow-*
 * flags that would permit them are passed).
 */
export function nodeArgs(plan: ConfinementPlan): string[] {
  return [
    '--permission',
    `--allow-fs-read=${SANDBOX_DIR}`,
    ...readablePaths(plan.readGrants).map((path) => `--allow-fs-read=${path}`),
    `--max-old-space-size=${plan.limits.memoryMb}`,
    '--no-addons',
    '--no-experimental-websocket',
    '--disable-warning=ExperimentalWarning',
  ];
}

/** Every path under which a granted folder is reachable inside: its real path and the name granted. */
export function readablePaths(grants: ReadGrant[]): string[] {
  return [...new Set(grants.flatMap((grant) => [grant.real, grant.path]))];
}
