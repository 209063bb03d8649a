import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { liveDatabaseLockHolder } from '../registry/index.ts';

/** Written by `toolsmith serve` into the data folder while it holds the embedded database. */
export const SERVER_FILE = 'server.json';

const ServerRecordSchema = z.object({
  pid: z.number().int().positive(),
  /** Where a process on this machine reaches the API (loopback when the server listens on every address). */
  url: z.url(),
  /** Whether the API wants `Authorization: Bearer <TOOLSMITH_API_TOKEN>`. */
  auth: z.enum(['token', 'none']),
  startedAt: z.string(),
});
export type ServerRecord = z.infer<typeof ServerRecordSchema>;

/**
 * Announces a running server in `home`, so CLI commands on the same folder go through its API
 * instead of failing on the database lock. Written whole (temporary file, then rename); `remove`
 * deletes it only while it is still this process's record, and also runs at process exit.
 */
export function announceServer(options: { home: string; record: ServerRecord }): { remove(): void } {
  const path = join(options.home, SERVER_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(options.record, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
  let removed = false;
  const remove = (): void => {
    if (removed) return;
    removed = true;
    process.off('exit', remove);
    if (readServerRecord(path)?.pid !== options.record.pid) return;
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', remove);
  return { remove };
}

/**
 * The server to talk to instead of opening the embedded database in `home`: its record, when the
 * process that holds the database lock is the one that announced itself. A stale or foreign
 * record (a crashed server, a reused pid) is ignored.
 */
export function findRunningServer(options: { home: string }): ServerRecord | undefined {
  const record = readServerRecord(join(options.home, SERVER_FILE));
  if (record === undefined) return undefined;
  return liveDatabaseLockHolder({ dataDir: options.home }) === record.pid ? record : undefined;
}

function readServerRecord(path: string): ServerRecord | undefined {
  try {
    const parsed = ServerRecordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The URL a local client should use for a server listening on `host:port`. */
export function localUrlOf(options: { host: string; port: number }): string {
  const { host, port } = options;
  if (host === '0.0.0.0' || host === '') return `http://127.0.0.1:${port}`;
  if (host === '::' || host === '[::]') return `http://[::1]:${port}`;
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}
