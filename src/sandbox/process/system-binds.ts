import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';

/** One bubblewrap mount operation, in the order bubblewrap should apply it. */
export type MountOp =
  | { kind: 'ro-bind'; source: string; dest: string }
  | { kind: 'symlink'; target: string; dest: string };

/**
 * The mounts that let `nodePath` start inside an empty root: the binary itself, each shared library
 * `ldd` lists and the dynamic loader, one file at a time, plus `/etc/ld.so.cache`. Single files rather
 * than /usr/lib wholesale, so the sandbox sees nothing of the host it does not need to run node.
 * Symlinks on the way (merged /usr: /lib -> usr/lib, the loader's absolute link) are recreated as
 * symlinks, so every path ldd printed resolves inside exactly as it does on the host.
 */
export function systemMounts(nodePath: string): MountOp[] {
  const ops = new Map<string, MountOp>();
  for (const path of [nodePath, ...sharedLibraries(nodePath), '/etc/ld.so.cache']) {
    if (existsSync(path)) expose(path, ops, 0);
  }
  return [...ops.values()];
}

/** Absolute paths from `ldd` output: `libc.so.6 => /lib/.../libc.so.6 (0x...)` and the bare loader line. */
export function parseLdd(output: string): string[] {
  const paths: string[] = [];
  for (const line of output.split('\n')) {
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (match?.[1] !== undefined) paths.push(match[1]);
  }
  return paths;
}

function sharedLibraries(nodePath: string): string[] {
  let output: string;
  try {
    output = execFileSync('ldd', [nodePath], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LC_ALL: 'C' }, timeout: 10_000 });
  } catch (error) {
    // A statically linked binary makes ldd exit non-zero with "not a dynamic executable".
    const text = String((error as { stdout?: unknown }).stdout ?? '');
    if (/not a dynamic executable|statically linked/.test(text)) return [];
    throw error;
  }
  return parseLdd(output);
}

/** Adds the mounts that make `path` resolve inside: symlinks recreated, the real file bound read-only. */
function expose(path: string, ops: Map<string, MountOp>, depth: number): void {
  if (depth > 40) throw new Error(`too many symbolic links resolving ${path}`);
  const parts = path.split('/').filter((part) => part.length > 0);
  let current = '';
  for (let index = 0; index < parts.length; index += 1) {
    current = `${current}/${parts[index]}`;
    if (!lstatSync(current).isSymbolicLink()) continue;
    const target = readlinkSync(current);
    ops.set(current, { kind: 'symlink', target, dest: current });
    const rest = parts.slice(index + 1).join('/');
    const base = isAbsolute(target) ? target : resolve(dirname(current), target);
    expose(rest.length > 0 ? `${base}/${rest}` : base, ops, depth + 1);
    return;
  }
  const real = realpathSync(current);
  if (!ops.has(real)) ops.set(real, { kind: 'ro-bind', source: real, dest: real });
}
