import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import type { SqlClient } from '../sql-client.ts';
import { useScratchDatabase } from '../test-support/scratch-database.ts';
import { MIGRATIONS } from './index.ts';

/** Tools `from`..`to`, each added in its own statement as a user's library grows, all matching "convert". */
async function addTools(sql: SqlClient, from: number, to: number): Promise<void> {
  for (let i = from; i <= to; i += 1) {
    await sql.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO tools (name, current_version, description, status, search_document)
         VALUES ($1::text, '1.0.0', 'd', 'verified', to_tsvector('english', $2::text))`,
        [`tool_${i}`, `convert file ${i} kind${i % 97} format${i % 89} unit${i % 83} table${i % 79}`],
      );
      await tx.query(
        `INSERT INTO tool_versions (tool_name, version, manifest, source, tests, reason, status)
         VALUES ($1::text, '1.0.0', '{}'::jsonb, '', '', 'created', 'verified')`,
        [`tool_${i}`],
      );
    });
  }
}

/** Pages of the full-text index a match on "convert" reads (the bitmap index scan's buffers). */
async function indexPagesRead(sql: SqlClient): Promise<number> {
  return sql.transaction(async (tx) => {
    // The index scan is what is measured; at a few thousand rows the planner might otherwise read the table.
    await tx.query('SET LOCAL enable_seqscan = off');
    const { rows } = await tx.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT name FROM tools WHERE search_document @@ to_tsquery('english', 'convert')`,
    );
    const scan = findNode(rows[0]?.['QUERY PLAN'][0]?.Plan, 'Bitmap Index Scan');
    if (scan === undefined) throw new Error('the plan has no bitmap index scan');
    return scan['Shared Hit Blocks'] + scan['Shared Read Blocks'];
  });
}

interface PlanNode {
  'Node Type': string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

function findNode(node: PlanNode | undefined, type: string): PlanNode | undefined {
  if (node === undefined || node['Node Type'] === type) return node;
  for (const child of node.Plans ?? []) {
    const found = findNode(child, type);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('migration 7 (full-text index without a pending list)', () => {
  const scratch = useScratchDatabase();

  it('merges the pending entries a library built up and keeps later additions out of the list, so a match reads a few index pages', async () => {
    const sql = await scratch.open(7);
    await addTools(sql, 1, 1500);
    const before = await indexPagesRead(sql);

    expect(await migrate({ sql, migrations: MIGRATIONS.filter((migration) => migration.id <= 7) })).toEqual([7]);
    const merged = await indexPagesRead(sql);
    await addTools(sql, 1501, 3000);
    const afterMore = await indexPagesRead(sql);

    // Every search read the whole pending list; merged, a term's entries sit in a few pages.
    expect(before).toBeGreaterThan(4 * merged);
    expect(merged).toBeLessThanOrEqual(6);
    expect(afterMore).toBeLessThanOrEqual(6);
    const { rows } = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM tools WHERE search_document @@ to_tsquery('english', 'convert')`);
    expect(rows[0]?.count).toBe(3000);
  }, 120_000);
});
