import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { openEmbeddedDatabase, type SqlClient } from '../sql-client.ts';

/**
 * For migration tests, called inside a `describe`: `open(before)` gives an embedded database in a
 * fresh folder with the migrations numbered below `before` applied, as a library written then
 * would have; it is closed and deleted after each test.
 */
export function useScratchDatabase(): { open(before: number): Promise<SqlClient> } {
  const opened: Array<{ sql: SqlClient; dataDir: string }> = [];
  afterEach(async () => {
    for (const { sql, dataDir } of opened.splice(0)) {
      await sql.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
  return {
    async open(before) {
      const dataDir = await mkdtemp(join(tmpdir(), 'toolsmith-migration-'));
      const sql = await openEmbeddedDatabase({ dataDir });
      opened.push({ sql, dataDir });
      await migrate({ sql, migrations: MIGRATIONS.filter((migration) => migration.id < before) });
      return sql;
    },
  };
}
