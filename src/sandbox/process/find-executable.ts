import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

// Where distributions install these tools. Not PATH: a folder early on a user's PATH could
// shadow bubblewrap with anything, and only config.ts reads the environment.
const SYSTEM_DIRS = ['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin'];

/**
 * The real path of an executable: `explicit` when given (and only it: a configured path that does
 * not exist must not silently become some other binary), else the first `name` in the system
 * folders. Undefined when there is none.
 */
export function findExecutable(options: { name: string; explicit?: string | undefined }): string | undefined {
  const { name, explicit } = options;
  if (explicit !== undefined) return isAbsolute(explicit) && isExecutable(explicit) ? realpathSync(explicit) : undefined;
  for (const dir of SYSTEM_DIRS) {
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return realpathSync(candidate);
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
