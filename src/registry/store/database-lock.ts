import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { systemError } from '../../errors.ts';

export const LOCK_FILE = 'db.lock';

export interface DatabaseLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return text === '' ? undefined : text;
  } catch {
    return undefined;
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The pid holding `<dataDir>/db.lock` when that process is alive; undefined when free or stale. */
export function liveDatabaseLockHolder(options: { dataDir: string }): number | undefined {
  const holder = readHolder(join(options.dataDir, LOCK_FILE));
  return holder !== undefined && isAlive(holder) ? holder : undefined;
}

/**
 * Takes `<dataDir>/db.lock` for this process: the embedded database is single-process, and two
 * PGlite instances on one folder corrupt it. A lock left by a dead process is taken over. Released
 * by `release()` or when the process exits.
 *
 * Sync file calls on purpose: `release` must also run from a process 'exit' handler.
 */
export async function acquireDatabaseLock(options: { dataDir: string }): Promise<DatabaseLock> {
  await mkdir(options.dataDir, { recursive: true });
  const path = join(options.dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw systemError('database_lock_failed', `could not create the database lock ${path}`, 'check the folder is writable', error);
      }
      const holder = readHolder(path);
      if (holder !== undefined && isAlive(holder)) {
        const command = commandOf(holder);
        const self = holder === process.pid ? ' (this process: the store is already open here)' : '';
        throw systemError(
          'database_locked',
          `the tool database in ${options.dataDir} is in use by process ${holder}${command ? ` (${command})` : ''}${self}`,
          'stop that process, or wait for it to finish (while `toolsmith serve` holds the folder, CLI commands go through it)',
        );
      }
      // Dead holder: remove its file and retry the exclusive create. An empty file is a live opener
      // between create and write, so wait a moment. (Two openers taking over the same stale lock in
      // the same millisecond could both succeed; acceptable for a CLI on one machine.)
      if (holder === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      else {
        try {
          unlinkSync(path);
        } catch {
          // Another opener removed it first; retry.
        }
      }
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      process.off('exit', release);
      if (readHolder(path) === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
    };
    process.on('exit', release);
    return { path, release };
  }
  throw systemError(
    'database_lock_failed',
    `could not take the database lock ${path}`,
    `if no toolsmith process is running, delete ${path} and try again`,
  );
}
