import { acquireDatabaseLock } from './database-lock.ts';
import { migrate } from './migrate.ts';
import { connectPostgres, openEmbeddedDatabase, type SqlClient } from './sql-client.ts';
import { createToolStore } from './tool-store.ts';
import { VECTOR_SCAN_SESSION_SETUP } from './vector-scan.ts';
import type { ToolStore } from './tool-store-port.ts';

export interface OpenToolStoreOptions {
  /** Toolsmith's folder; the embedded database lives in `<dataDir>/db`. */
  dataDir: string;
  /** A Postgres server with pgvector; when set, `dataDir` holds no database. */
  databaseUrl?: string;
  /** Pool size for `databaseUrl` (default 10). */
  poolSize?: number;
}

/**
 * Opens the tool store, migrated and ready: on a Postgres server when `databaseUrl` is given, else
 * on embedded PGlite in `dataDir` (one process at a time: a second one gets `database_locked`).
 *
 * @example
 * const { store, close } = await openToolStore({ dataDir: '/home/me/.toolsmith' });
 * try { console.log(await store.list()); } finally { await close(); }
 */
export async function openToolStore(options: OpenToolStoreOptions): Promise<{ store: ToolStore; sql: SqlClient; close(): Promise<void> }> {
  if (options.databaseUrl !== undefined) {
    const sql = await connectPostgres({ url: options.databaseUrl, sessionSetup: VECTOR_SCAN_SESSION_SETUP, ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }) });
    try {
      await migrate({ sql });
    } catch (error) {
      await sql.close().catch(() => {});
      throw error;
    }
    return { store: createToolStore({ sql }), sql, close: () => sql.close() };
  }
  const lock = await acquireDatabaseLock({ dataDir: options.dataDir });
  let sql: SqlClient | undefined;
  try {
    sql = await openEmbeddedDatabase({ dataDir: options.dataDir, sessionSetup: VECTOR_SCAN_SESSION_SETUP });
    await migrate({ sql });
  } catch (error) {
    await sql?.close().catch(() => {});
    lock.release();
    throw error;
  }
  const opened = sql;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= opened.close().finally(() => lock.release());
    return closing;
  };
  return { store: createToolStore({ sql: opened }), sql: opened, close };
}
