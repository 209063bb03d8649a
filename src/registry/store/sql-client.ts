import { join } from 'node:path';
import { systemError } from '../../errors.ts';

/**
 * The one thing the store needs from a database: parameterised queries and transactions, in the
 * Postgres dialect. Two implementations run the same SQL: embedded PGlite and a Postgres server.
 *
 * Parameters are sent as text; cast them in SQL (`$1::text::jsonb`, `$2::text::vector`) so both
 * drivers read them the same way. Query vectors are the exception: `$1::vector(512)` types the
 * parameter itself, so it is parsed once at bind rather than at every cast that repeats it (a
 * 512-d vector costs ~0.5 ms to parse in PGlite). Inside `transaction`, use only `tx`: the outer
 * client may be a single connection that the transaction holds.
 *
 * @example
 * const sql = await openEmbeddedDatabase({ dataDir: '/home/me/.toolsmith' });
 * const { rows } = await sql.query<{ n: number }>('SELECT $1::int AS n', [1]);
 * await sql.transaction(async (tx) => { await tx.query('INSERT ...'); });
 * await sql.close();
 */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: T[] }>;
  /** Commits when `fn` resolves, rolls back when it throws. Nested calls join the outer transaction. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface QueryOptions {
  /**
   * Plan the statement once per session and reuse that generic plan. Only for statements whose
   * best plan does not depend on their parameters' values: a generic plan cannot see them (the
   * full-text candidate statement's is ~5× slower). Embedded PGlite honours it, where planning the
   * search context costs more than running it (~1.4 of ~1.8 ms at 100k tools); a server plans
   * natively, and a pooler in transaction mode may not keep a session's prepared statements, so
   * `connectPostgres` ignores it, as does a transaction.
   */
  reusePlan?: boolean;
}

interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** A client bound to one open transaction; a nested `transaction` runs inside it. */
function joinedTransaction(conn: Queryable): SqlClient {
  const tx: SqlClient = {
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const result = await conn.query<T>(sql, params === undefined ? undefined : [...params]);
      return { rows: result.rows };
    },
    transaction: (fn) => fn(tx),
    close: async () => {
      throw systemError('transaction_close', 'close() was called on a transaction; close the outer client instead');
    },
  };
  return tx;
}

/**
 * Statements run at the start of every database session, such as `SET`s. Best effort on a server:
 * a pooler may hand a later query another session, so nothing may rely on them for correctness.
 */
interface SessionOptions {
  /** SQL (one or more `;`-separated statements, no parameters) run when each session opens. */
  sessionSetup?: string;
}

/** Embedded Postgres (PGlite, WASM) with pgvector, stored in `<dataDir>/db`. Single process, one session. */
export async function openEmbeddedDatabase(options: { dataDir: string } & SessionOptions): Promise<SqlClient> {
  const [{ PGlite }, { vector }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-pgvector'),
  ]);
  const db = await PGlite.create({ dataDir: join(options.dataDir, 'db'), extensions: { vector } });
  if (options.sessionSetup !== undefined) {
    try {
      await db.exec(options.sessionSetup);
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  }
  const reusedPlans = createReusedPlans(db);
  const client: SqlClient = {
    query: async <T>(sql: string, params?: readonly unknown[], queryOptions?: QueryOptions) => {
      if (queryOptions?.reusePlan === true) return reusedPlans.query<T>(sql, params ?? []);
      const result = await db.query<T>(sql, params === undefined ? undefined : [...params]);
      return { rows: result.rows };
    },
    transaction: (fn) => db.transaction((tx) => fn(joinedTransaction(tx))),
    close: () => db.close(),
  };
  return client;
}

/** A parameter as an SQL literal of unknown type, which Postgres reads with the parameter type's input function, as it reads a bound text parameter. */
function parameterLiteral(value: unknown, at: number): string {
  if (value === null || value === undefined) return 'NULL';
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' ? String(value) : undefined;
  if (text === undefined) {
    throw systemError('query_parameter_invalid', `parameter $${at} of a statement with a reused plan is a ${typeof value}`, 'pass text, a number, a boolean, a date or null (JSON.stringify anything else)');
  }
  // E'' reads the same whatever standard_conforming_strings says.
  return `E'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** A prepared statement that is gone (`DISCARD ALL`) or whose result columns a schema change altered. */
function isStalePlan(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === '26000' || (code === '0A000' && String(message).includes('cached plan must not change result type'));
}

/**
 * Statements prepared once in PGlite's session and executed with a generic plan. EXECUTE takes no
 * bound parameters, so they go in as literals. `plan_cache_mode` is set for the one EXECUTE in the
 * same simple query: a failure aborts the query's implicit transaction, which undoes the SET, so
 * every other statement keeps its custom plans either way.
 */
function createReusedPlans(db: { exec(sql: string): Promise<Array<{ rows: unknown[] }>> }) {
  // By statement text; a promise, so searches running at once prepare a statement only once.
  const prepared = new Map<string, Promise<string>>();
  let count = 0;
  const prepare = (sql: string): Promise<string> => {
    const name = `toolsmith_plan_${++count}`;
    const done = db.exec(`PREPARE ${name} AS ${sql}`).then(() => name);
    prepared.set(sql, done);
    done.catch(() => prepared.delete(sql));
    return done;
  };
  return {
    async query<T>(sql: string, params: readonly unknown[]): Promise<{ rows: T[] }> {
      const literals = params.map((value, i) => parameterLiteral(value, i + 1));
      const run = async (name: string) => {
        const execute = `EXECUTE ${name}${literals.length === 0 ? '' : `(${literals.join(', ')})`}`;
        const results = await db.exec(`SET plan_cache_mode = force_generic_plan; ${execute}; RESET plan_cache_mode`);
        return { rows: (results[1]?.rows ?? []) as T[] };
      };
      const name = await (prepared.get(sql) ?? prepare(sql));
      try {
        return await run(name);
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        prepared.delete(sql);
        await db.exec(`DEALLOCATE ${name}`).catch(() => {});
        return run(await prepare(sql));
      }
    },
  };
}

/**
 * A Postgres server (with pgvector installed) through a `pg` pool; `pg` is loaded only here.
 * `poolSize` defaults to 10; use 1 against servers that multiplex one session (PGlite's socket server).
 */
export async function connectPostgres(options: { url: string; poolSize?: number } & SessionOptions): Promise<SqlClient> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const { sessionSetup } = options;
  // A client runs its queries in order, so this goes first on every new connection. Not the `options`
  // startup parameter: PgBouncer refuses unknown ones by default, and a refused setup must not refuse the connection.
  if (sessionSetup !== undefined) pool.on('connect', (conn) => void conn.query(sessionSetup).catch(() => {}));
  const client: SqlClient = {
    // `reusePlan` is ignored: see `QueryOptions`.
    query: async <T>(sql: string, params?: readonly unknown[]) => {
      const result = await pool.query(sql, params === undefined ? undefined : [...params]);
      return { rows: result.rows as T[] };
    },
    transaction: async (fn) => {
      const conn = await pool.connect();
      let broken = false;
      try {
        await conn.query('BEGIN');
        const value = await fn(joinedTransaction({ query: async (sql, params) => conn.query(sql, params) as never }));
        await conn.query('COMMIT');
        return value;
      } catch (error) {
        // A connection that cannot even roll back is discarded rather than returned to the pool.
        await conn.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        conn.release(broken);
      }
    },
    close: () => pool.end(),
  };
  return client;
}
