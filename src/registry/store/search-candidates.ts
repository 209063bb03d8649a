import { z } from 'zod';
import { sqlLiteral, vectorSearchSql } from './embedder-index.ts';
import type { SqlClient } from './sql-client.ts';
import { VECTOR_SCAN_READY_COLUMN, withVectorScan } from './vector-scan.ts';
import { matchingCtes } from './text-search-sql.ts';
import { summaryFromRow, SUMMARY_COLUMNS, type SummaryRow } from './store-rows.ts';
import { parseInput } from './store-input.ts';
import { EmbeddingSchema, type ToolSummary } from './store-schemas.ts';

export { DEFAULT_EF_SEARCH } from './vector-scan.ts';

export interface CandidateOptions {
  embedderId: string;
  /** The query's vector; `null` for full-text candidates only. */
  vector: number[] | null;
  /** The query text for full-text search. */
  query: string;
  /**
   * The query's content words with their document frequencies (`searchStatistics`). When they match more than
   * `textMatchBudget` tools in all, full text searches only the rarest of them whose matches fit the
   * budget (always at least the rarest one), and at most `textMatchBudget` matches are ranked:
   * common words rank nearly every tool alike, and ranking all their matches is what grows with the catalog.
   */
  words: ReadonlyArray<{ word: string; documentFrequency: number }>;
  /** Full-text candidates, and nearest-vector candidates unless `vectorLimit` says otherwise. */
  limit: number;
  vectorLimit?: number;
  textMatchBudget: number;
}

export type TextMatchOptions = Pick<CandidateOptions, 'query' | 'words' | 'limit' | 'textMatchBudget'>;

export interface Candidates {
  /** Current versions of the union of both lists, by name. */
  summaries: ToolSummary[];
  nearest: string[];
  matching: string[];
  /** Cosine similarity of each candidate's stored vector (this embedder's) to the query vector; absent without one. */
  similarities: Map<string, number>;
}

const CandidateOptionsSchema = z.object({
  vector: z.array(z.number()).nullable(),
  words: z.array(z.object({ word: z.string(), documentFrequency: z.number().int().nonnegative() })).max(1000),
  limit: z.number().int().positive().max(10_000),
  vectorLimit: z.number().int().positive().max(10_000).optional(),
  textMatchBudget: z.number().int().positive(),
});

/**
 * The text full-text search runs: the query itself when its words match at most `budget` tools in
 * all, else its rarest words that match anything while their matches add up to the budget, and
 * always the rarest of those (words no tool has cannot find candidates).
 */
function textQuery(query: string, words: ReadonlyArray<{ word: string; documentFrequency: number }>, budget: number): string {
  const total = words.reduce((sum, word) => sum + word.documentFrequency, 0);
  if (total <= budget) return query;
  const kept: string[] = [];
  let running = 0;
  const matching = words.filter((word) => word.documentFrequency > 0);
  for (const { word, documentFrequency } of matching.sort((a, b) => a.documentFrequency - b.documentFrequency || a.word.localeCompare(b.word))) {
    running += documentFrequency;
    if (kept.length > 0 && running > budget) break;
    kept.push(word);
  }
  return kept.join(' ');
}

const TextMatchOptionsSchema = CandidateOptionsSchema.pick({ words: true, limit: true, textMatchBudget: true });

/**
 * Only the full-text channel of `searchCandidates`, names best first, without summaries: a search
 * that keeps its vectors in memory reads the summaries of every channel's candidates together.
 */
export async function textMatches(options: TextMatchOptions & { sql: SqlClient }): Promise<string[]> {
  const input = parseInput(TextMatchOptionsSchema, { words: options.words, limit: options.limit, textMatchBudget: options.textMatchBudget }, 'search_invalid', 'full-text match search');
  // A custom plan every time: how many tools the words match decides it (a generic plan took ~10× longer).
  const { rows } = await options.sql.query<{ name: string }>(
    `WITH ${matchingCtes({ text: '$1', limit: '$2', budget: '$3' })} SELECT name FROM matching ORDER BY rank DESC, name`,
    [textQuery(options.query, input.words, input.textMatchBudget), input.limit, input.textMatchBudget],
  );
  return rows.map((row) => row.name);
}

/** The candidate statement (see `searchCandidates`) and its parameters. */
export function candidatesStatement(options: {
  embedderId: string;
  dimensions: number | undefined;
  vector: number[] | null;
  query: string;
  words: ReadonlyArray<{ word: string; documentFrequency: number }>;
  limit: number;
  vectorLimit?: number | undefined;
  textMatchBudget: number;
}): { text: string; params: unknown[]; usesVectors: boolean } {
  const { embedderId, dimensions, query } = options;
  const input = options;
  const usesVectors = input.vector !== null && dimensions !== undefined && dimensions === input.vector.length;
  const cast = `vector(${Math.trunc(dimensions ?? 0)})`;
  const vectorPart = usesVectors
    ? `nearest AS (${vectorSearchSql({ embedderId, dimensions, vector: '$3', limit: '$5::int' })})`
    : `nearest AS (SELECT NULL::text AS name, NULL::float8 AS similarity WHERE $3::text IS NOT NULL AND $5::int IS NOT NULL AND false)`;
  // Every candidate's stored vector against the query's, so re-scoring need not embed the candidates.
  // Vector candidates bring theirs from the scan; only text-only ones look their vector up (COALESCE stops early).
  const similarity = usesVectors
    ? `COALESCE(max(n.similarity), (SELECT 1 - (e.embedding::${cast} <=> $3::${cast}) FROM tool_embeddings e WHERE e.tool_name = t.name AND e.embedder = ${sqlLiteral(embedderId)}))`
    : 'NULL::float8';
  const text = `WITH ${matchingCtes({ text: '$1', limit: '$2', budget: '$4' })},
    ${vectorPart},
    names AS (SELECT name, 'text' AS source, NULL::float8 AS similarity FROM matching
      UNION ALL SELECT name, 'vector', similarity FROM nearest)
    SELECT ${SUMMARY_COLUMNS}, array_agg(DISTINCT n.source) AS sources, ${similarity} AS similarity${usesVectors ? `, ${VECTOR_SCAN_READY_COLUMN}` : ''}
    FROM names n JOIN tools t ON t.name = n.name
      JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
    GROUP BY t.name, v.id
    ORDER BY t.name`;
  const params = [
    textQuery(query, input.words, input.textMatchBudget),
    input.limit,
    usesVectors ? JSON.stringify(input.vector) : null,
    input.textMatchBudget,
    input.vectorLimit ?? input.limit,
  ];
  return { text, params, usesVectors };
}

/**
 * Both candidate lists and their summaries in one statement: nearest vectors through the
 * embedder's HNSW index (`withVectorScan`: `hnsw.ef_search` at least `limit`), full-text matches through the GIN
 * index, joined to the tools' current versions.
 */
export async function searchCandidates(options: CandidateOptions & { sql: SqlClient; dimensions: number | undefined }): Promise<Candidates> {
  const { sql, embedderId, query, dimensions } = options;
  const input = parseInput(CandidateOptionsSchema, { vector: options.vector, words: options.words, limit: options.limit, vectorLimit: options.vectorLimit, textMatchBudget: options.textMatchBudget }, 'search_invalid', 'candidate search');
  if (input.vector !== null) parseInput(EmbeddingSchema, { embedderId, vector: input.vector }, 'embedding_invalid', 'query vector');
  const { text, params, usesVectors } = candidatesStatement({ embedderId, dimensions, query, ...input });
  type Row = SummaryRow & { sources: string[] | string; similarity: number | null; vector_scan_ready: boolean | null };
  const run = async (client: SqlClient) => (await client.query<Row>(text, params)).rows;
  const rows = usesVectors ? await withVectorScan(sql, input.vectorLimit ?? input.limit, run) : await run(sql);
  const sourcesOf = (row: { sources: string[] | string }) => (Array.isArray(row.sources) ? row.sources : String(row.sources).replace(/[{}]/g, '').split(','));
  return {
    summaries: rows.map(summaryFromRow),
    similarities: new Map(rows.flatMap((row) => (row.similarity === null ? [] : [[row.name, Number(row.similarity)] as const]))),
    nearest: rows.filter((row) => sourcesOf(row).includes('vector')).map((row) => row.name),
    matching: rows.filter((row) => sourcesOf(row).includes('text')).map((row) => row.name),
  };
}
