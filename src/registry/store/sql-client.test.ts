import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase, type SqlClient } from './sql-client.ts';

describe('embedded database: statements with a reused plan', () => {
  let dataDir: string;
  let sql: SqlClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'toolsmith-sql-'));
    sql = await openEmbeddedDatabase({ dataDir });
    await sql.query('CREATE TABLE notes (id int PRIMARY KEY, body text, at timestamptz, done boolean)');
  });

  afterAll(async () => {
    await sql.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const plans = async () =>
    (await sql.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      'SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements ORDER BY name',
    )).rows;

  it('reads each parameter as a bound one would be read, whatever quotes or backslashes it holds', async () => {
    const body = `it's a \\back\\slash, a "quote", a ; and ünïcode`;
    const at = new Date('2026-11-24T01:02:03.000Z');
    await sql.query('INSERT INTO notes VALUES ($1::int, $2::text, $3::timestamptz, $4::boolean)', [1, body, at, true]);
    await sql.query('INSERT INTO notes VALUES ($1::int, $2::text, $3::timestamptz, $4::boolean)', [2, null, null, false]);
    const statement = 'SELECT id, body, at, done FROM notes WHERE id = ANY($1::int[]) AND (body = $2::text OR $2::text IS NULL OR body IS NULL) ORDER BY id';
    for (const params of [['{1,2}', body], ['{1,2}', null], ['{2}', "'; DROP TABLE notes; --"]]) {
      const plain = await sql.query(statement, params);
      const reused = await sql.query(statement, params, { reusePlan: true });
      expect(reused.rows).toEqual(plain.rows);
    }
    expect((await sql.query<{ body: string }>('SELECT body FROM notes WHERE id = $1::int', [1], { reusePlan: true })).rows).toEqual([{ body }]);
    expect((await sql.query<{ at: Date }>('SELECT at FROM notes WHERE id = $1::int', [1], { reusePlan: true })).rows[0]?.at.getTime()).toBe(at.getTime());
  });

  it('plans a statement once and runs it with the generic plan from then on', async () => {
    const statement = 'SELECT count(*)::int AS n FROM notes WHERE id > $1::int';
    const counts = [];
    for (const after of [0, 1, 2]) counts.push((await sql.query<{ n: number }>(statement, [after], { reusePlan: true })).rows[0]?.n);
    expect(counts).toEqual([2, 1, 0]);
    const prepared = (await plans()).filter((plan) => plan.statement.includes('WHERE id > $1::int'));
    expect(prepared).toEqual([expect.objectContaining({ generic_plans: 3, custom_plans: 0 })]);
  });

  it('prepares a statement asked for by several callers at once only once', async () => {
    const statement = 'SELECT $1::int + 1 AS next';
    const results = await Promise.all([1, 2, 3, 4].map((n) => sql.query<{ next: number }>(statement, [n], { reusePlan: true })));
    expect(results.map((result) => result.rows[0]?.next)).toEqual([2, 3, 4, 5]);
    expect((await plans()).filter((plan) => plan.statement.includes('$1::int + 1'))).toHaveLength(1);
  });

  it('leaves other statements on their custom plans when a reused one fails', async () => {
    await expect(sql.query('SELECT 1 / $1::int AS q', [0], { reusePlan: true })).rejects.toThrow(/division by zero/);
    expect((await sql.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }]);
    expect((await sql.query<{ q: number }>('SELECT 1 / $1::int AS q', [1], { reusePlan: true })).rows).toEqual([{ q: 1 }]);
    expect((await sql.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }]);
  });

  it('prepares a statement again when the session lost it', async () => {
    const statement = 'SELECT body FROM notes WHERE id = $1::int';
    await sql.query(statement, [1], { reusePlan: true });
    await sql.query('DEALLOCATE ALL');
    expect((await sql.query(statement, [2], { reusePlan: true })).rows).toEqual([{ body: null }]);
  });

  it('refuses a parameter it cannot write as a literal, naming it', async () => {
    await expect(sql.query('SELECT $1::text AS t', [{ a: 1 }], { reusePlan: true })).rejects.toMatchObject({
      code: 'query_parameter_invalid',
      message: expect.stringContaining('$1'),
    });
  });

  it('runs a reused statement inside a transaction as a plain one', async () => {
    const rows = await sql.transaction(async (tx) => {
      await tx.query('INSERT INTO notes VALUES ($1::int, $2::text, NULL, NULL)', [3, 'in a transaction']);
      return (await tx.query<{ body: string }>('SELECT body FROM notes WHERE id = $1::int', [3], { reusePlan: true })).rows;
    });
    expect(rows).toEqual([{ body: 'in a transaction' }]);
  });
});
