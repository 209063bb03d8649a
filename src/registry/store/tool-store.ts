import { z } from 'zod';
import { systemError, userError } from '../../errors.ts';
import { embedderDimensions, upsertEmbeddings, vectorSearchSql } from './embedder-index.ts';
import { embeddingChanges } from './embedding-changes.ts';
import { searchCandidates, textMatches } from './search-candidates.ts';
import { sentenceCandidates } from './sentence-candidates.ts';
import { VECTOR_SCAN_READY_COLUMN, withVectorScan } from './vector-scan.ts';
import { createSearchStatisticsReader, createTermsFiller, textArrayLiteral } from './search-statistics.ts';
import { searchContext } from './search-context.ts';
import { textChanges } from './text-changes.ts';
import { TEXT_SEARCH_SQL } from './text-search-sql.ts';
import type { SqlClient } from './sql-client.ts';
import {
  CURRENT_POLICY_SQL,
  policyFromRow,
  recordFromRow,
  RECORD_COLUMNS,
  statsFromRow,
  STATS_COLUMNS,
  SUMMARY_COLUMNS,
  summaryFromRow,
  candidateFromRow,
  CANDIDATE_JSON_FIELDS,
  versionEntryFromRow,
  type PolicyRow,
  type RecordRow,
  type StatsRow,
  type SummaryRow,
  type CandidateRow,
  type VersionRow,
} from './store-rows.ts';
import {
  EmbedderIdSchema,
  EmbeddingSchema,
  ExecutionInputSchema,
  RankingPolicyInputSchema,
  ToolStatusSchema,
  type ToolRecord,
} from './store-schemas.ts';
import { lockTool, parseInput, toolNotFound, versionNotFound } from './store-input.ts';
import type { ExecutionEntry, ToolStore } from './tool-store-port.ts';
import { addVersionInTransaction, rollbackInTransaction } from './version-writes.ts';


const ListOptionsSchema = z.object({
  status: ToolStatusSchema.optional(),
  limit: z.number().int().nonnegative().optional(),
  offset: z.number().int().nonnegative().optional(),
});
const LimitSchema = z.number().int().positive().max(10_000);
const NamesSchema = z.array(z.string()).max(10_000);
const DEFAULT_EXECUTIONS_LIMIT = 20;
const ExecutionsLimitSchema = z.number().int().positive().max(1_000);

/** `executions`' rows: the tool (always, so a missing tool is told apart from one never called) and its calls, if any. */
const ExecutionRowSchema = z.object({
  version: z.string().nullable(),
  success: z.boolean().nullable(),
  error: z.string().nullable(),
  duration_ms: z.coerce.number().nullable(),
  created_at: z.coerce.date().nullable(),
});

async function readRecord(sql: SqlClient, name: string, version?: string): Promise<ToolRecord> {
  const { rows } = await sql.query<RecordRow>(
    `SELECT ${RECORD_COLUMNS}
     FROM tools t JOIN tool_versions v ON v.tool_name = t.name AND v.version = COALESCE($2::text, t.current_version)
     WHERE t.name = $1::text`,
    [name, version ?? null],
  );
  const row = rows[0];
  if (row !== undefined) return recordFromRow(row);
  const exists = await sql.query('SELECT 1 FROM tools WHERE name = $1::text', [name]);
  throw exists.rows.length === 0 || version === undefined ? toolNotFound(name) : versionNotFound(name, version);
}

/**
 * The `ToolStore` over any `SqlClient` (PGlite or a Postgres server); run `migrate` first.
 * `openToolStore` does both.
 */
export function createToolStore(options: { sql: SqlClient }): ToolStore {
  const { sql } = options;
  const fillTerms = createTermsFiller(sql);
  const searchStatistics = createSearchStatisticsReader(sql, fillTerms);
  const knownDimensions = new Map<string, number>();
  const dimensionsOf = async (embedderId: string) => {
    let dimensions = knownDimensions.get(embedderId);
    if (dimensions === undefined) {
      dimensions = await embedderDimensions({ sql, embedderId });
      // An embedder's dimension count never changes once registered (ensureEmbedder refuses others).
      if (dimensions !== undefined) knownDimensions.set(embedderId, dimensions);
    }
    return dimensions;
  };

  return {
    addVersion: (input) =>
      sql.transaction(async (tx) => {
        await addVersionInTransaction({ tx, ...input });
        return readRecord(tx, input.pkg.manifest.name);
      }),

    get: ({ name, version }) => readRecord(sql, name, version),

    list: async (listOptions = {}) => {
      const { status, limit, offset } = parseInput(ListOptionsSchema, listOptions, 'list_options_invalid', 'list options');
      const { rows } = await sql.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS}
         FROM tools t JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
         WHERE $1::text IS NULL OR v.status = $1::text
         ORDER BY t.name LIMIT $2::int OFFSET $3::int`,
        [status ?? null, limit ?? null, offset ?? 0],
      );
      return rows.map(summaryFromRow);
    },

    history: async ({ name }) => {
      const { rows } = await sql.query<VersionRow>(
        `SELECT v.version, v.reason, v.status, v.status_reason, v.test_results->'totals' AS totals,
                v.version = t.current_version AS is_current, v.created_at
         FROM tool_versions v JOIN tools t ON t.name = v.tool_name
         WHERE v.tool_name = $1::text ORDER BY v.id DESC`,
        [name],
      );
      if (rows.length === 0) throw toolNotFound(name);
      return rows.map(versionEntryFromRow);
    },

    rollback: ({ name, to, embeddings }) =>
      sql.transaction(async (tx) => {
        await rollbackInTransaction({ tx, name, to, ...(embeddings === undefined ? {} : { embeddings }) });
        return readRecord(tx, name);
      }),

    remove: async ({ name }) => {
      const { rows } = await sql.query('DELETE FROM tools WHERE name = $1::text RETURNING name', [name]);
      if (rows.length === 0) throw toolNotFound(name);
    },

    recordExecution: async (execution) => {
      const input = parseInput(ExecutionInputSchema, execution, 'execution_invalid', 'execution');
      await sql.transaction(async (tx) => {
        const { rows } = await tx.query(
          `UPDATE tools SET use_count = use_count + 1,
             success_count = success_count + CASE WHEN $2::boolean THEN 1 ELSE 0 END,
             failure_count = failure_count + CASE WHEN $2::boolean THEN 0 ELSE 1 END,
             last_used_at = now()
           WHERE name = $1::text RETURNING name`,
          [input.name, input.success],
        );
        if (rows.length === 0) throw toolNotFound(input.name);
        await tx.query(
          `INSERT INTO executions (tool_name, version, success, error, duration_ms)
           VALUES ($1::text, $2::text, $3::boolean, $4::text, $5::float8)`,
          [input.name, input.version, input.success, input.error ?? null, input.durationMs],
        );
      });
    },

    stats: async ({ name }) => {
      const { rows } = await sql.query<StatsRow>(`SELECT ${STATS_COLUMNS} FROM tools t WHERE t.name = $1::text`, [name]);
      if (rows[0] === undefined) throw toolNotFound(name);
      return statsFromRow(rows[0]);
    },

    executions: async ({ name, limit }) => {
      const top = parseInput(ExecutionsLimitSchema, limit ?? DEFAULT_EXECUTIONS_LIMIT, 'limit_invalid', 'limit');
      // One round trip: the tool row is always there when the tool is, its calls only when it has any.
      const { rows } = await sql.query(
        `SELECT e.version, e.success, e.error, e.duration_ms, e.created_at
         FROM tools t LEFT JOIN LATERAL (
           SELECT version, success, error, duration_ms, created_at, id FROM executions
           WHERE tool_name = t.name ORDER BY created_at DESC, id DESC LIMIT $2::int
         ) e ON true
         WHERE t.name = $1::text
         ORDER BY e.created_at DESC, e.id DESC`,
        [name, top],
      );
      if (rows.length === 0) throw toolNotFound(name);
      const entries: ExecutionEntry[] = [];
      for (const raw of rows) {
        const parsed = ExecutionRowSchema.safeParse(raw);
        if (!parsed.success) {
          throw systemError('store_row_invalid', `the tool database holds an invalid execution of ${name}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`, 'restore the database from a backup', parsed.error);
        }
        const row = parsed.data;
        if (row.version === null || row.success === null || row.duration_ms === null || row.created_at === null) continue;
        entries.push({ version: row.version, success: row.success, error: row.error, durationMs: row.duration_ms, createdAt: row.created_at });
      }
      return entries;
    },

    vectorSearch: async ({ embedderId, vector, limit }) => {
      const query = parseInput(EmbeddingSchema, { embedderId, vector }, 'embedding_invalid', 'query vector');
      const top = parseInput(LimitSchema, limit, 'limit_invalid', 'limit');
      const dimensions = await embedderDimensions({ sql, embedderId: query.embedderId });
      if (dimensions === undefined) return [];
      if (dimensions !== query.vector.length) {
        throw userError(
          'embedding_dimensions_mismatch',
          `embedder "${embedderId}" stores ${dimensions}-dimensional vectors, but the query vector has ${query.vector.length}`,
          'embed the query with the same embedder that indexed the tools',
        );
      }
      const text = `SELECT s.name, s.similarity, ${VECTOR_SCAN_READY_COLUMN} FROM (${vectorSearchSql({ embedderId: query.embedderId, dimensions })}) s`;
      const params = [JSON.stringify(query.vector), top];
      const run = async (client: SqlClient) => (await client.query<{ name: string; similarity: number; vector_scan_ready: boolean | null }>(text, params)).rows;
      const rows = await withVectorScan(sql, top, run);
      return rows.map((row) => ({ name: row.name, similarity: Number(row.similarity) })).sort((a, b) => b.similarity - a.similarity);
    },

    textSearch: async ({ query, limit }) => {
      const top = parseInput(LimitSchema, limit, 'limit_invalid', 'limit');
      if (query.trim() === '') return [];
      // plainto_tsquery stems and drops stop words but ANDs the words; turning & into | lets a tool
      // that matches some of the words rank, with more (and rarer, higher-weighted) matches first.
      const { rows } = await sql.query<{ name: string; rank: number }>(TEXT_SEARCH_SQL, [query, top]);
      return rows.map((row) => ({ name: row.name, rank: Number(row.rank) }));
    },

    summaries: async ({ names }) => {
      const list = parseInput(NamesSchema, [...names], 'names_invalid', 'tool names');
      if (list.length === 0) return [];
      // Only what ranking reads: at 100k tools a search reads ~90 of these, and the dates, version
      // and reason it never uses made the lookup ~20% dearer (mostly decoding them). One JSON value,
      // not a row each: the client decodes every field of every row on its own (~25% of the lookup).
      const { rows } = await sql.query<{ rows: string }>(
        `SELECT coalesce(json_agg(json_build_object(${CANDIDATE_JSON_FIELDS}) ORDER BY t.name), '[]')::text AS rows
         FROM tools t
         WHERE t.name = ANY($1::text::text[])`,
        [textArrayLiteral(list)],
        // Primary-key lookups whatever the names: a search reads the summaries of its candidates.
        { reusePlan: true },
      );
      return (JSON.parse(rows[0]?.rows ?? '[]') as CandidateRow[]).map(candidateFromRow);
    },

    searchStatistics,

    searchContext: async (contextOptions) => searchContext({ sql, fillTerms, ...contextOptions }),

    searchCandidates: async (candidateOptions) => {
      const dimensions = candidateOptions.vector === null ? knownDimensions.get(candidateOptions.embedderId) : await dimensionsOf(candidateOptions.embedderId);
      return searchCandidates({ sql, dimensions, ...candidateOptions });
    },

    textMatches: async (matchOptions) => textMatches({ sql, ...matchOptions }),

    sentenceCandidates: async (sentenceOptions) => sentenceCandidates({ sql, dimensions: await dimensionsOf(sentenceOptions.embedderId), ...sentenceOptions }),

    embeddingChanges: async (changeOptions) => embeddingChanges({ sql, ...changeOptions }),

    textChanges: async (changeOptions) => textChanges({ sql, ...changeOptions }),

    embeddingsMissing: async ({ embedderId }) => {
      const id = parseInput(EmbedderIdSchema, embedderId, 'embedding_invalid', 'embedder id');
      const { rows } = await sql.query<{ name: string }>(
        `SELECT t.name FROM tools t
         WHERE NOT EXISTS (SELECT 1 FROM tool_embeddings e WHERE e.tool_name = t.name AND e.embedder = $1::text)
         ORDER BY t.name`,
        [id],
      );
      return rows.map((row) => row.name);
    },

    setEmbeddings: async ({ name, embeddings }) => {
      const list = parseInput(z.array(EmbeddingSchema), embeddings, 'embedding_invalid', 'embeddings');
      await sql.transaction(async (tx) => {
        const { currentVersion } = await lockTool({ tx, name });
        await upsertEmbeddings({ tx, name, version: currentVersion, embeddings: list });
      });
    },

    getRankingPolicy: async () => {
      const { rows } = await sql.query<PolicyRow>(CURRENT_POLICY_SQL);
      if (rows[0] === undefined) throw systemError('ranking_policy_missing', 'the tool database has no ranking policy', 'set one with setRankingPolicy');
      return policyFromRow(rows[0]);
    },

    setRankingPolicy: async (policy) => {
      const input = parseInput(RankingPolicyInputSchema, policy, 'ranking_policy_invalid', 'ranking policy');
      const { rows } = await sql.query<PolicyRow>(
        `INSERT INTO ranking_policies (weights, bands) VALUES ($1::text::jsonb, $2::text::jsonb)
         RETURNING version, weights, bands, created_at`,
        [JSON.stringify(input.weights), JSON.stringify(input.bands)],
      );
      return policyFromRow(rows[0] as PolicyRow);
    },
  };
}
