import type { SqlClient } from './sql-client.ts';

/** pgvector's default `hnsw.ef_search`; an HNSW scan returns at most this many rows unless raised. */
export const DEFAULT_EF_SEARCH = 40;

/**
 * The `hnsw.ef_search` every session starts with: registry search asks for 50 candidates per source
 * (`CANDIDATES_PER_SOURCE`). A larger limit still gets complete results, through the slower path.
 */
export const SESSION_EF_SEARCH = 50;

/**
 * Run once at the start of every database session (`openToolStore` passes it to the SQL client): the
 * settings that make an HNSW scan return every row it should. Without them, an index whose rows were
 * updated many times (dead tuples) or whose partial-index filter rejects candidates returns fewer
 * rows than asked for — measured after a crash-recovery test that upserts the same vectors repeatedly.
 * `relaxed_order` rather than `strict_order`: at 100k tools strict ordering cost ~8 ms at p95, and
 * callers re-rank candidates anyway (vectorSearch sorts its rows by similarity itself).
 */
export const VECTOR_SCAN_SESSION_SETUP = `SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = ${SESSION_EF_SEARCH}`;

/**
 * A select-list column, `vector_scan_ready`, for a statement passed to `withVectorScan`: whether the
 * session that ran the statement had the settings above. Read in the same statement as the scan, so
 * it is true of the scan itself even behind a transaction-mode pooler or after `RESET ALL`/`DISCARD ALL`.
 */
export const VECTOR_SCAN_READY_COLUMN =
  `(current_setting('hnsw.iterative_scan', true) = 'relaxed_order' AND current_setting('hnsw.ef_search', true)::int >= ${SESSION_EF_SEARCH}) AS vector_scan_ready`;

/**
 * Runs a query that walks an HNSW index so that it returns every row it should. `run` must select
 * `VECTOR_SCAN_READY_COLUMN`. When the session was set up (`VECTOR_SCAN_SESSION_SETUP`) and `limit`
 * fits its `ef_search`, that is one statement; otherwise — a session that lost or never had the
 * settings, a larger limit, or no rows to tell by — the query runs again in a transaction that sets them locally.
 */
export async function withVectorScan<Row extends { vector_scan_ready: boolean | null }>(
  sql: SqlClient,
  limit: number,
  run: (client: SqlClient) => Promise<Row[]>,
): Promise<Row[]> {
  if (limit <= SESSION_EF_SEARCH) {
    const rows = await run(sql);
    if (rows.length > 0 && rows.every((row) => row.vector_scan_ready === true)) return rows;
  }
  return sql.transaction(async (tx) => {
    await tx.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    if (limit > DEFAULT_EF_SEARCH) await tx.query(`SET LOCAL hnsw.ef_search = ${Math.trunc(limit)}`);
    return run(tx);
  });
}
