import { z } from 'zod';
import { systemError, userError } from '../../errors.ts';
import { changedSinceCtes, changesFromRows, parseSince, sinceHorizon, SNAPSHOT_COLUMN, type ChangeRow, type EmbeddingChanges } from './embedding-changes.ts';
import type { SqlClient } from './sql-client.ts';
import { parseTerms, statisticsColumns, statisticsFromColumns, textArrayLiteral, type SearchStatistics, type StatisticsColumns } from './search-statistics.ts';
import { parseInput } from './store-input.ts';
import { textChangedSinceCtes, textChangesFromRows, type TextChangeRow, type TextChanges } from './text-changes.ts';
import { CURRENT_POLICY_SQL, policyFromRow } from './store-rows.ts';
import { EmbedderIdSchema, type RankingPolicy } from './store-schemas.ts';

export interface SearchContextOptions {
  /** Terms to count, as `searchStatistics` takes them. */
  terms: readonly string[];
  /** Also the first page of each embedder's vector changes since its snapshot, as `embeddingChanges` gives it. */
  changes?: ReadonlyArray<{ embedderId: string; since: string; limit: number }>;
  /** Also the first page of `textChanges` since its snapshot. */
  textChanges?: { since: string; limit: number };
}

export interface SearchContext {
  statistics: SearchStatistics;
  policy: RankingPolicy;
  /** Present when `changes` was asked for: one page per request, in its order. */
  changes?: EmbeddingChanges[];
  /** Present when `textChanges` was asked for. */
  textChanges?: TextChanges;
}

const ChangesSchema = z.object({ embedderId: EmbedderIdSchema, limit: z.number().int().positive().max(100_000) });
const TextChangesSchema = ChangesSchema.pick({ limit: true });
/** The in-memory indexes a search keeps (word vectors and sentence vectors); more is a caller's mistake. */
const MAX_CHANGE_REQUESTS = 4;

/**
 * What every search reads before its candidates, in one statement (each costs ~0.5 ms in PGlite
 * before any work, and three were measured at ~2.4 ms p50 at 100k tools): the terms' statistics,
 * the ranking policy, and what changed in the in-memory copies (vectors, search texts) since their snapshots.
 */
export async function searchContext(options: SearchContextOptions & { sql: SqlClient; fillTerms: () => Promise<void> }): Promise<SearchContext> {
  const terms = parseTerms(options.terms);
  const requests = options.changes ?? [];
  if (requests.length > MAX_CHANGE_REQUESTS) {
    throw userError('embedding_changes_invalid', `search context asked for the changes of ${requests.length} embedders`, `ask for at most ${MAX_CHANGE_REQUESTS}`);
  }
  const asked = requests.map((request) => ({
    ...parseInput(ChangesSchema, { embedderId: request.embedderId, limit: request.limit }, 'embedding_changes_invalid', 'embedding changes request'),
    since: parseSince(request.since),
  }));
  const textAsked = options.textChanges === undefined
    ? undefined
    : { ...parseInput(TextChangesSchema, { limit: options.textChanges.limit }, 'text_changes_invalid', 'text changes request'), since: parseSince(options.textChanges.since, 'text_changes_invalid') };
  await options.fillTerms();
  type Row = StatisticsColumns & {
    policy: { version: number; weights: unknown; bands: unknown; created_at: string } | null;
    snapshot: string;
    text_changes?: TextChangeRow[] | null;
  } & Record<`changes_${number}`, ChangeRow[] | null>;
  // Each request's CTEs and column carry its position, and its parameters follow the terms'.
  const params: unknown[] = [textArrayLiteral(terms)];
  const ctes = asked.map(({ embedderId, since, limit }, i) => {
    params.push(embedderId, sinceHorizon(since) ?? null, limit);
    const at = params.length;
    return changedSinceCtes({ prefix: `c${i}_`, embedder: `$${at - 2}`, since: `$${at - 1}`, after: "''", limit: `$${at}` });
  });
  const changeColumns = asked.map((_, i) => `, (SELECT json_agg(c) FROM (SELECT * FROM c${i}_page UNION ALL SELECT * FROM c${i}_removed) c) AS changes_${i}`);
  if (textAsked !== undefined) {
    params.push(sinceHorizon(textAsked.since) ?? null, textAsked.limit);
    ctes.push(textChangedSinceCtes({ prefix: 't_', since: `$${params.length - 1}`, after: "''", limit: `$${params.length}` }));
    changeColumns.push(`, (SELECT json_agg(c) FROM (SELECT * FROM t_page UNION ALL SELECT * FROM t_removed) c) AS text_changes`);
  }
  const { rows } = await options.sql.query<Row>(
    `${ctes.length === 0 ? '' : `WITH ${ctes.join(',\n')}`}
     SELECT ${statisticsColumns('$1')},
       (SELECT row_to_json(p) FROM (${CURRENT_POLICY_SQL}) p) AS policy,
       ${SNAPSHOT_COLUMN}${changeColumns.join('')}`,
    params,
    // Its plan is the same whatever the terms and snapshots; planning it cost more than running it.
    { reusePlan: true },
  );
  const row = rows[0];
  if (row?.policy == null) throw systemError('ranking_policy_missing', 'the tool database has no ranking policy', 'set one with setRankingPolicy');
  return {
    statistics: statisticsFromColumns(row),
    policy: policyFromRow({ ...row.policy, created_at: new Date(row.policy.created_at) }),
    ...(options.changes === undefined
      ? {}
      : { changes: asked.map(({ since, limit }, i) => changesFromRows({ rows: row[`changes_${i}`] ?? [], snapshot: row.snapshot, since, limit })) }),
    ...(textAsked === undefined ? {} : { textChanges: textChangesFromRows({ rows: row.text_changes ?? [], snapshot: row.snapshot, since: textAsked.since, limit: textAsked.limit }) }),
  };
}
