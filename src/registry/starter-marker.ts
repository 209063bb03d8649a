import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StarterMarker } from './registry-port.ts';

/**
 * A `StarterMarker` kept as a file, e.g. `<home>/starter-imported`. A file rather than a row: the
 * store has no settings table, and a user who points two homes at one database server gets one
 * import per server anyway (the server's library is not empty the second time).
 */
export function createFileMarker(options: { path: string }): StarterMarker {
  return {
    isSet: async () => (await stat(options.path).catch(() => undefined))?.isFile() === true,
    async set() {
      await mkdir(path.dirname(options.path), { recursive: true });
      await writeFile(options.path, `${new Date().toISOString()}\n`);
    },
  };
}
