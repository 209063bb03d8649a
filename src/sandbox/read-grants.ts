import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { userError } from '../errors.ts';
import type { ToolPackage } from '../tool-package/index.ts';

/** One `fs.read` grant: the absolute path the manifest names and the real folder it leads to. */
export interface ReadGrant {
  path: string;
  real: string;
}

// Mounted by the sandbox itself; binding the host's copy over them would show host processes or devices.
const RESERVED = ['/proc', '/sys', '/dev'];

/**
 * A package's `fs.read` grants, resolved on the host, the same for both backends. Relative grants
 * are taken against the working directory of the Toolsmith process (`"."` means "where the user
 * runs it"), not the package folder, so a tool loaded from the database reads the same files.
 * Grants that are not existing folders are left out (reads there fail as outside). A grant of the
 * whole root or of the kernel's own trees is refused.
 */
export async function resolveReadGrants(pkg: ToolPackage, workDir: string = process.cwd()): Promise<ReadGrant[]> {
  const grants = new Map<string, ReadGrant>();
  for (const grant of pkg.manifest.capabilities['fs.read'] ?? []) {
    const path = isAbsolute(grant) ? resolve(grant) : resolve(workDir, grant);
    let real: string;
    try {
      real = await realpath(path);
      if (!(await stat(real)).isDirectory()) continue;
    } catch {
      continue;
    }
    if (real === '/' || RESERVED.some((dir) => real === dir || real.startsWith(`${dir}/`))) {
      throw userError('capability_invalid', `fs.read grant "${grant}" resolves to ${real}, which would expose the host system`,
        'grant only the folders the tool needs to read');
    }
    grants.set(path, { path, real });
  }
  return [...grants.values()];
}
