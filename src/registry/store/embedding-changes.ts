import { z } from 'zod';
import { systemError, userError } from '../../errors.ts';
import type { SqlClient } from './sql-client.ts';
import { parseInput } from './store-input.ts';
import { EmbedderIdSchema } from './store-schemas.ts';

export interface EmbeddingChangesOptions {
  embedderId: string;
  /** `snapshot` of an earlier call: only what changed since. Omit for every vector (a first load). */
  since?: string;
  /** Paging: only tools named after this one (pass the last upsert's name while `more`). */
  after?: string;
  /** Upserts per page. */
  limit: number;
}

export interface EmbeddingChanges {
  /**
   * What the reader has seen, to pass as `since` next time. It names the database too: a snapshot
   * of another database, or of one restored since, is refused with `embedding_snapshot_foreign`.
   * Keep the first page's: a write that lands while later pages are read is then seen again next
   * time (applying a change twice is harmless).
   */
  snapshot: string;
  /** Current vectors written since `since` (every one without it), by name. */
  upserts: Array<{ name: string; vector: Float32Array }>;
  /** Tools whose vector was removed since `since` and not written again; on the first page only. */
  removals: string[];
  /** Whether the page was full: ask again with `after` set to the last upsert's name. */
  more: boolean;
}

/** `<store identity>/<pg_snapshot>`: which database the snapshot is of, then its transaction horizon. */
const SNAPSHOT_PATTERN = /^([0-9a-f-]{36})\/((\d+):(\d+):(\d+(,\d+)*)?)$/;

const OptionsSchema = z.object({
  embedderId: EmbedderIdSchema,
  since: z.string().regex(SNAPSHOT_PATTERN, 'since must be a snapshot returned by embeddingChanges').optional(),
  after: z.string().optional(),
  limit: z.number().int().positive().max(100_000),
});

export const SNAPSHOT_COLUMN = `(SELECT id::text FROM store_identity) || '/' || pg_current_snapshot()::text AS snapshot`;

/** Every current vector of the embedder, by name, a page at a time. */
const ALL_SQL = `SELECT ${SNAPSHOT_COLUMN}, e.tool_name AS name, e.embedding::text AS vector, false AS removed
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT tool_name, embedding FROM tool_embeddings
    WHERE embedder = $1::text AND tool_name > $2::text
    ORDER BY tool_name LIMIT $3::int
  ) e ON true`;

/**
 * The CTEs `page` and `removed` (rows `name, vector, removed`; named with `prefix` before them, so
 * one statement can hold several): vectors written and removed by transactions the snapshot `since`
 * could not see, first page by name after `after`. The written rows are found through their stamp's
 * index first (MATERIALIZED keeps the planner from walking every row in name order instead), so
 * checking for changes costs two index probes when there are none. Arguments are SQL expressions
 * (parameters); a NULL `since` or embedder finds nothing.
 */
export function changedSinceCtes(sql: { embedder: string; since: string; after: string; limit: string; prefix?: string }): string {
  const p = sql.prefix ?? '';
  return `${p}since AS (SELECT ${sql.since}::text::pg_snapshot AS s),
  ${p}written AS MATERIALIZED (
    SELECT e.tool_name, e.embedding FROM tool_embeddings e, ${p}since
    WHERE e.embedder = ${sql.embedder}::text AND e.written_by >= pg_snapshot_xmin(${p}since.s) AND NOT pg_visible_in_snapshot(e.written_by, ${p}since.s)),
  ${p}page AS (
    SELECT tool_name AS name, embedding::text AS vector, false AS removed FROM ${p}written
    WHERE tool_name > ${sql.after}::text ORDER BY tool_name LIMIT ${sql.limit}::int),
  ${p}removed AS (
    SELECT r.tool_name AS name, NULL::text AS vector, true AS removed FROM tool_embedding_removals r, ${p}since
    WHERE ${sql.after}::text = '' AND r.embedder = ${sql.embedder}::text
      AND r.removed_by >= pg_snapshot_xmin(${p}since.s) AND NOT pg_visible_in_snapshot(r.removed_by, ${p}since.s)
      AND NOT EXISTS (SELECT 1 FROM tool_embeddings e WHERE e.embedder = r.embedder AND e.tool_name = r.tool_name))`;
}

const CHANGED_SQL = `WITH ${changedSinceCtes({ embedder: '$1', after: '$2', limit: '$3', since: '$4' })}
  SELECT ${SNAPSHOT_COLUMN}, c.name, c.vector, c.removed
  FROM (SELECT 1) AS one LEFT JOIN (SELECT * FROM page UNION ALL SELECT * FROM removed) c ON true`;

export interface ChangeRow {
  name: string | null;
  vector: string | null;
  removed: boolean | null;
}

function parseVector(text: string, name: string): Float32Array {
  // pgvector's text form, `[0.1,-2,3e-05]`, is a JSON array of finite numbers.
  const values: unknown = JSON.parse(text);
  if (!Array.isArray(values)) throw systemError('embedding_corrupt', `the stored vector of "${name}" is not a list of numbers`, 'run `toolsmith tools reindex`');
  return Float32Array.from(values as number[]);
}

/**
 * What changed in one embedder's vectors since a snapshot a reader kept, so a copy held outside
 * the database (the in-memory vector indexes) can follow every write from any process. Writes are
 * stamped with their transaction (migration 5); "changed since" means written by a transaction the
 * snapshot could not see, which is exact under concurrent writers.
 */
export async function embeddingChanges(options: EmbeddingChangesOptions & { sql: SqlClient }): Promise<EmbeddingChanges> {
  const input = parseInput(OptionsSchema, { embedderId: options.embedderId, since: options.since, after: options.after, limit: options.limit }, 'embedding_changes_invalid', 'embedding changes request');
  const after = input.after ?? '';
  const since = sinceHorizon(input.since);
  const { rows } = since === undefined
    ? await options.sql.query<ChangeRow & { snapshot: string }>(ALL_SQL, [input.embedderId, after, input.limit])
    : await options.sql.query<ChangeRow & { snapshot: string }>(CHANGED_SQL, [input.embedderId, after, input.limit, since]);
  const snapshot = rows[0]?.snapshot;
  if (snapshot === undefined) throw systemError('embedding_changes_failed', 'the change query returned no snapshot', 'check the database connection');
  return changesFromRows({ rows, snapshot, since: input.since, limit: input.limit });
}

/** The `pg_snapshot` part of a snapshot token (already validated), for `changedSinceCtes`' `since`. */
export function sinceHorizon(since: string | undefined): string | undefined {
  return since === undefined ? undefined : SNAPSHOT_PATTERN.exec(since)?.[2];
}

/** Validates a caller's snapshot token (`embedding_changes_invalid` names what is wrong). */
export function parseSince(since: string | undefined, code = 'embedding_changes_invalid'): string | undefined {
  return parseInput(OptionsSchema.shape.since, since, code, 'changes snapshot');
}

/**
 * Refuses a `since` of another database, or of this one's future (a restore into a fresh cluster
 * restarts transaction ids): it says nothing about what this one changed. `reload` says how to start over.
 */
export function refuseForeignSince(options: { since: string | undefined; snapshot: string; reload: string }): void {
  const since = options.since === undefined ? undefined : SNAPSHOT_PATTERN.exec(options.since);
  const now = SNAPSHOT_PATTERN.exec(options.snapshot);
  if (since && (now === null || since[1] !== now[1] || BigInt(since[4] ?? '0') > BigInt(now[4] ?? '0'))) {
    throw userError('embedding_snapshot_foreign', 'the snapshot is not of this database as it is now', options.reload);
  }
}

/**
 * The changes a page of `changedSinceCtes` rows (or of every vector) describes, taken at
 * `snapshot` (`refuseForeignSince` first).
 */
export function changesFromRows(options: { rows: readonly ChangeRow[]; snapshot: string; since: string | undefined; limit: number }): EmbeddingChanges {
  const { rows, snapshot, limit } = options;
  refuseForeignSince({ since: options.since, snapshot, reload: 'load every vector again: call embeddingChanges without since' });
  const upserts: EmbeddingChanges['upserts'] = [];
  const removals: string[] = [];
  for (const row of rows) {
    if (row.name === null) continue;
    if (row.removed === true) removals.push(row.name);
    else if (row.vector !== null) upserts.push({ name: row.name, vector: parseVector(row.vector, row.name) });
  }
  return { snapshot, upserts, removals, more: upserts.length === limit };
}
