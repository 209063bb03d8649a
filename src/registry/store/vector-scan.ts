import type { SqlClient } from './sql-client.ts';

/** pgvector's default `hnsw.ef_search`; an HNSW scan returns at most this many rows unless raised. */
export const DEFAULT_EF_SEARCH = 40;

/**
 * Runs a query that walks an HNSW index with the settings that make it return every row it should:
 * `ef_search` raised to the limit, and iterative scans on. Without them, an index whose rows were
 * updated many times (dead tuples) or whose partial-index filter rejects candidates returns fewer
 * rows than asked for — measured after a crash-recovery test that upserts the same vectors repeatedly.
 * `relaxed_order` rather than `strict_order`: at 100k tools strict ordering cost ~8 ms at p95, and
 * callers re-rank candidates anyway (vectorSearch sorts its rows by similarity itself).
 */
export function withVectorScan<T>(sql: SqlClient, limit: number, run: (client: SqlClient) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    if (limit > DEFAULT_EF_SEARCH) await tx.query(`SET LOCAL hnsw.ef_search = ${Math.trunc(limit)}`);
    return run(tx);
  });
}
