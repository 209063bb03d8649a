import { systemError } from '../../errors.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { SqlClient } from './sql-client.ts';

/** Any constant: serialises concurrent migrators on a shared server. */
const MIGRATION_LOCK_KEY = 7_406_513_221;

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, in one transaction:
 * either all of them land or none. Safe to call on every open.
 * @returns the ids applied now (empty when the schema was current).
 */
export async function migrate(options: { sql: SqlClient; migrations?: readonly Migration[] }): Promise<number[]> {
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.id - b.id);
  try {
    return await options.sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        id integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const { rows } = await tx.query<{ id: number }>('SELECT id FROM schema_migrations');
      const applied = new Set(rows.map((row) => Number(row.id)));
      const done: number[] = [];
      for (const migration of migrations) {
        if (applied.has(migration.id)) continue;
        for (const statement of migration.statements) await tx.query(statement);
        await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1::int, $2::text)', [migration.id, migration.name]);
        done.push(migration.id);
      }
      return done;
    });
  } catch (error) {
    throw systemError(
      'migration_failed',
      `could not bring the tool database schema up to date: ${error instanceof Error ? error.message : String(error)}`,
      'check that the database is reachable and that pgvector is installed (CREATE EXTENSION vector)',
      error,
    );
  }
}
