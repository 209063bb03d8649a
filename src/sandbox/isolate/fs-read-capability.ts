// The `fs.read` capability as the isolate sees it: `toolsmith.fs.readFile(path)`, checked here on
// the host. Both the granted folders and the requested path are resolved to real paths first, so
// `..` segments and symlinks are judged by where they truly lead, not by how they are spelled.
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { ToolPackage } from '../../tool-package/index.ts';
import { resolveReadGrants, type ReadGrant } from '../read-grants.ts';

/** Reads one file for tool code, or rejects with a message meant for the tool's author. */
export type ReadFileCapability = (path: unknown) => Promise<string>;

type Grant = ReadGrant;

/**
 * Builds the capability for one run. Relative requests resolve against the first granted folder;
 * files larger than `maxBytes` are refused (they could not be returned anyway).
 */
export function createReadFileCapability(options: { pkg: ToolPackage; maxBytes: number }): ReadFileCapability {
  const declared = options.pkg.manifest.capabilities['fs.read'] ?? [];
  let grants: Promise<Grant[]> | undefined;
  return async (requested) => {
    if (typeof requested !== 'string' || requested.length === 0) throw new Error('toolsmith.fs.readFile takes a non-empty path string');
    if (requested.includes('\0')) throw new Error('fs.read refused: the path contains a NUL character');
    if (declared.length === 0) {
      throw new Error(`fs.read refused: this tool has no fs.read grant; add "capabilities": { "fs.read": ["<folder>"] } to tool.json to read ${requested}`);
    }
    grants ??= resolveReadGrants(options.pkg);
    const usable = await grants;
    const first = usable[0];
    if (first === undefined) {
      throw new Error(`fs.read refused: none of the granted folders (${declared.join(', ')}) exists as a folder the sandbox may expose`);
    }
    const wanted = resolve(first.path, requested);
    let real: string;
    try {
      real = await realpath(wanted);
    } catch {
      // Only admit that a path is missing when it would have been inside a grant, so probing
      // does not reveal which host files exist.
      if (!usable.some((grant) => inside(wanted, grant.path) || inside(wanted, grant.real))) throw outside(requested, usable);
      throw new Error(`fs.read: no such file: ${requested}`);
    }
    if (!usable.some((grant) => inside(real, grant.real))) throw outside(requested, usable);
    return readRegularFile(real, requested, options.maxBytes);
  };
}

function inside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function outside(requested: string, grants: Grant[]): Error {
  return new Error(
    `fs.read refused: ${requested} is outside the granted folders (${grants.map((grant) => grant.path).join(', ')}); ` +
      'symlinks and ".." are followed before checking, and only files inside a granted folder are readable',
  );
}

async function readRegularFile(real: string, requested: string, maxBytes: number): Promise<string> {
  // stat before open: opening a device or a FIFO can block or have side effects.
  const before = await stat(real);
  checkKind(before.isDirectory(), before.isFile(), before.size, requested, maxBytes);
  // NOFOLLOW and NONBLOCK, then fstat: the path may have been swapped since the check.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    checkKind(info.isDirectory(), info.isFile(), info.size, requested, maxBytes);
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // The file grew past the limit while being read.
    if (length > maxBytes) throw tooLarge(requested, maxBytes);
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

function checkKind(isDirectory: boolean, isFile: boolean, size: number, requested: string, maxBytes: number): void {
  if (isDirectory) throw new Error(`fs.read refused: ${requested} is a folder; readFile reads files`);
  if (!isFile) throw new Error(`fs.read refused: ${requested} is not a regular file (devices, FIFOs and sockets are not readable)`);
  if (size > maxBytes) throw tooLarge(requested, maxBytes);
}

function tooLarge(requested: string, maxBytes: number): Error {
  return new Error(`fs.read refused: ${requested} is larger than ${maxBytes} bytes (limits.maxResultBytes); raise that limit to read it`);
}
