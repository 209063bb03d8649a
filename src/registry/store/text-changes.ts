import { z } from 'zod';
import { systemError } from '../../errors.ts';
import type { TextDocument } from '../search/memory-text-index.ts';
import { parseSince, refuseForeignSince, sinceHorizon, SNAPSHOT_COLUMN } from './embedding-changes.ts';
import { searchTexts } from './search-document.ts';
import type { SqlClient } from './sql-client.ts';
import { parseInput } from './store-input.ts';

export interface TextChangesOptions {
  /** `snapshot` of an earlier call (of this or of `embeddingChanges`): only what changed since. Omit for every tool. */
  since?: string;
  /** Paging: only tools named after this one (pass the last upsert's name while `more`). */
  after?: string;
  /** Upserts per page. */
  limit: number;
}


/** As `EmbeddingChanges`, for the tools' search texts. */
export interface TextChanges {
  snapshot: string;
  /** Current tools whose text changed since `since` (every one without it), by name, with what full-text search reads of them (`searchTexts`). */
  upserts: TextDocument[];
  /** Tools removed since `since` and not added again; on the first page only. */
  removals: string[];
  more: boolean;
}

const OptionsSchema = z.object({
  after: z.string().optional(),
  limit: z.number().int().positive().max(100_000),
});

/** A page's columns from a tool row `t` and its current version `v`. */
const TEXT_COLUMNS = `t.name, t.description, (v.manifest->'parameters'->'properties')::json AS properties, false AS removed`;

const ALL_SQL = `SELECT ${SNAPSHOT_COLUMN}, c.name, c.description, c.properties, c.removed
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT ${TEXT_COLUMNS} FROM tools t JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
    WHERE t.name > $1::text ORDER BY t.name LIMIT $2::int
  ) c ON true`;

/**
 * The CTEs `page` and `removed` (rows `name, description, properties, removed`; named with `prefix`
 * before them), as `changedSinceCtes` makes them for vectors: tools whose text was written, and
 * tools removed, by transactions the snapshot `since` could not see. Arguments are SQL expressions.
 */
export function textChangedSinceCtes(sql: { since: string; after: string; limit: string; prefix?: string }): string {
  const p = sql.prefix ?? '';
  return `${p}since AS (SELECT ${sql.since}::text::pg_snapshot AS s),
  ${p}written AS MATERIALIZED (
    SELECT t.name FROM tools t, ${p}since
    WHERE t.text_written_by >= pg_snapshot_xmin(${p}since.s) AND NOT pg_visible_in_snapshot(t.text_written_by, ${p}since.s)),
  ${p}page AS (
    SELECT ${TEXT_COLUMNS} FROM ${p}written w JOIN tools t ON t.name = w.name
      JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
    WHERE t.name > ${sql.after}::text ORDER BY t.name LIMIT ${sql.limit}::int),
  ${p}removed AS (
    SELECT r.tool_name AS name, NULL::text AS description, NULL::json AS properties, true AS removed FROM tool_removals r, ${p}since
    WHERE ${sql.after}::text = '' AND r.removed_by >= pg_snapshot_xmin(${p}since.s) AND NOT pg_visible_in_snapshot(r.removed_by, ${p}since.s)
      AND NOT EXISTS (SELECT 1 FROM tools t WHERE t.name = r.tool_name))`;
}

const CHANGED_SQL = `WITH ${textChangedSinceCtes({ after: '$1', limit: '$2', since: '$3' })}
  SELECT ${SNAPSHOT_COLUMN}, c.name, c.description, c.properties, c.removed
  FROM (SELECT 1) AS one LEFT JOIN (SELECT * FROM page UNION ALL SELECT * FROM removed) c ON true`;

export interface TextChangeRow {
  name: string | null;
  description: string | null;
  /** The current manifest's `parameters.properties` (a JSON object; a string where a driver leaves JSON unparsed). */
  properties: unknown;
  removed: boolean | null;
}

const PropertiesSchema = z.record(z.string(), z.object({ description: z.unknown().optional() }).passthrough());

/** What the tools whose text changed since a reader's snapshot now read (see `TextChanges`). */
export async function textChanges(options: TextChangesOptions & { sql: SqlClient }): Promise<TextChanges> {
  const since = parseSince(options.since, 'text_changes_invalid');
  const input = parseInput(OptionsSchema, { after: options.after, limit: options.limit }, 'text_changes_invalid', 'text changes request');
  const after = input.after ?? '';
  const horizon = sinceHorizon(since);
  const { rows } = horizon === undefined
    ? await options.sql.query<TextChangeRow & { snapshot: string }>(ALL_SQL, [after, input.limit])
    : await options.sql.query<TextChangeRow & { snapshot: string }>(CHANGED_SQL, [after, input.limit, horizon]);
  const snapshot = rows[0]?.snapshot;
  if (snapshot === undefined) throw systemError('text_changes_failed', 'the change query returned no snapshot', 'check the database connection');
  return textChangesFromRows({ rows, snapshot, since, limit: input.limit });
}

/** The changes a page of `textChangedSinceCtes` rows (or of every tool) describes, taken at `snapshot`. */
export function textChangesFromRows(options: { rows: readonly TextChangeRow[]; snapshot: string; since: string | undefined; limit: number }): TextChanges {
  const { rows, snapshot, limit } = options;
  refuseForeignSince({ since: options.since, snapshot, reload: 'load every tool again: call textChanges without since' });
  const upserts: TextDocument[] = [];
  const removals: string[] = [];
  for (const row of rows) {
    if (row.name === null) continue;
    if (row.removed === true) {
      removals.push(row.name);
      continue;
    }
    const raw = typeof row.properties === 'string' ? JSON.parse(row.properties) : row.properties;
    const properties = PropertiesSchema.safeParse(raw ?? {});
    if (!properties.success) throw systemError('manifest_corrupt', `the stored parameters of "${row.name}" are not an object of schemas`, 'roll the tool back or add a fixed version');
    upserts.push({ name: row.name, texts: searchTexts({ name: row.name, description: row.description ?? '', parameters: { properties: properties.data } }) });
  }
  return { snapshot, upserts, removals, more: upserts.length === limit };
}
