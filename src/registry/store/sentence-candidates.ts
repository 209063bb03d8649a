import { z } from 'zod';
import { sqlLiteral, vectorSearchSql } from './embedder-index.ts';
import type { SqlClient } from './sql-client.ts';
import { textArrayLiteral } from './search-statistics.ts';
import { parseInput } from './store-input.ts';
import { summaryFromRow, SUMMARY_COLUMNS, type SummaryRow } from './store-rows.ts';
import { EmbeddingSchema, type ToolSummary } from './store-schemas.ts';
import { VECTOR_SCAN_READY_COLUMN, withVectorScan } from './vector-scan.ts';

export interface SentenceCandidateOptions {
  /** The second vector channel's embedder (the sentence encoder). */
  embedderId: string;
  vector: number[];
  /** Nearest tools this channel adds to the others' candidates (0 only scores `known`). */
  limit: number;
  /** Candidates other channels already found: they get similarities here, not summaries. */
  known: readonly string[];
}

export interface SentenceCandidates {
  /** Current versions of the nearest tools not in `known`, by name. */
  summaries: ToolSummary[];
  /** Cosine similarity to the query of every candidate (known or added) with a vector from this embedder. */
  similarities: Map<string, number>;
}

const OptionsSchema = z.object({
  limit: z.number().int().nonnegative().max(10_000),
  known: z.array(z.string()).max(10_000),
});


/**
 * The statement behind `ToolStore.sentenceCandidates`: `$1` the query vector, `$2` the limit, `$3`
 * the known names. Known names only look their vector up by primary key, aggregated into one JSON
 * column; the nearest others are joined to their current versions. There is always one row at least.
 */
export function sentenceCandidatesStatement(options: { embedderId: string; dimensions: number }): string {
  const { embedderId } = options;
  const cast = `vector(${Math.trunc(options.dimensions)})`;
  return `WITH nearest AS (${vectorSearchSql({ embedderId, dimensions: options.dimensions })}),
    known AS (
      SELECT json_object_agg(e.tool_name, 1 - (e.embedding::${cast} <=> $1::${cast})) AS similarities
      FROM tool_embeddings e WHERE e.embedder = ${sqlLiteral(embedderId)} AND e.tool_name = ANY($3::text::text[])),
    added AS (
      SELECT n.similarity AS added_similarity, ${SUMMARY_COLUMNS}
      FROM nearest n JOIN tools t ON t.name = n.name
        JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
      WHERE NOT (n.name = ANY($3::text::text[])))
    SELECT k.similarities AS known_similarities, a.*, ${VECTOR_SCAN_READY_COLUMN}
    FROM known k LEFT JOIN added a ON true`;
}

/**
 * A search's second vector channel, run once its query vector is ready (the sentence encoder's
 * takes longer than the word candidates): the `limit` nearest tools not already candidates, with
 * summaries, and every candidate's similarity. An embedder no tool has a vector from, or a vector of
 * another length than its registered one, adds nothing.
 */
export async function sentenceCandidates(options: SentenceCandidateOptions & { sql: SqlClient; dimensions: number | undefined }): Promise<SentenceCandidates> {
  const { sql, embedderId, vector, dimensions } = options;
  const input = parseInput(OptionsSchema, { limit: options.limit, known: [...options.known] }, 'search_invalid', 'sentence candidate search');
  parseInput(EmbeddingSchema, { embedderId, vector }, 'embedding_invalid', 'sentence query vector');
  if (dimensions === undefined || dimensions !== vector.length || (input.limit === 0 && input.known.length === 0)) {
    return { summaries: [], similarities: new Map() };
  }
  type Row = SummaryRow & { known_similarities: Record<string, number> | string | null; added_similarity: number | null; vector_scan_ready: boolean | null };
  const text = sentenceCandidatesStatement({ embedderId, dimensions });
  const params = [JSON.stringify(vector), input.limit, textArrayLiteral(input.known)];
  const rows = await withVectorScan(sql, input.limit, async (client) => (await client.query<Row>(text, params)).rows);
  const added = rows.filter((row) => row.name !== null);
  const knownSimilarities = rows[0]?.known_similarities ?? null;
  // pg returns json parsed; be tolerant of a driver that hands it over as text.
  const known = typeof knownSimilarities === 'string' ? (JSON.parse(knownSimilarities) as Record<string, number>) : (knownSimilarities ?? {});
  return {
    summaries: added.map(summaryFromRow),
    similarities: new Map([
      ...Object.entries(known).map(([name, similarity]) => [name, Number(similarity)] as const),
      ...added.flatMap((row) => (row.added_similarity === null ? [] : [[row.name, Number(row.added_similarity)] as const])),
    ]),
  };
}
