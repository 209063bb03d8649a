import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { useScratchDatabase } from '../test-support/scratch-database.ts';
import { createToolStore } from '../tool-store.ts';
import { MIGRATIONS } from './index.ts';

describe('migration 6 (candidate columns)', () => {
  const scratch = useScratchDatabase();

  it("fills in every existing tool's current description and status, so searches read them from the tool's row", async () => {
    const sql = await scratch.open(6);
    // A library written before migration 6: one tool moved on to a second version, one rolled back to its first.
    for (const [name, current] of [['moved_on', '1.1.0'], ['rolled_back', '1.0.0']] as const) {
      await sql.transaction(async (tx) => {
        await tx.query(`INSERT INTO tools (name, current_version) VALUES ($1::text, $2::text)`, [name, current]);
        for (const [version, status] of [['1.0.0', 'verified'], ['1.1.0', 'experimental']] as const) {
          await tx.query(
            `INSERT INTO tool_versions (tool_name, version, manifest, source, tests, reason, status)
             VALUES ($1::text, $2::text, $3::text::json, '', '', 'created', $4::text)`,
            [name, version, JSON.stringify({ name, version, description: `${name} at ${version}` }), status],
          );
        }
      });
    }
    expect(await migrate({ sql, migrations: MIGRATIONS.filter((migration) => migration.id <= 6) })).toEqual([6]);
    const store = createToolStore({ sql });
    expect((await store.summaries({ names: ['moved_on', 'rolled_back'] })).map((summary) => [summary.name, summary.description, summary.status])).toEqual([
      ['moved_on', 'moved_on at 1.1.0', 'experimental'],
      ['rolled_back', 'rolled_back at 1.0.0', 'verified'],
    ]);
    // A writer that leaves them out is refused rather than leaving a candidate without a description.
    await expect(sql.query(`INSERT INTO tools (name, current_version) VALUES ('bare', '1.0.0')`)).rejects.toThrow(/null value in column "description"/);
  }, 60_000);
});
