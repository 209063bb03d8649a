import { z } from 'zod';
import { vectorSearchSql } from './embedder-index.ts';
import type { SqlClient } from './sql-client.ts';
import { VECTOR_SCAN_READY_COLUMN, withVectorScan } from './vector-scan.ts';
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
  limit: number;
  textMatchBudget: number;
  /**
   * A second vector channel, the sentence encoder's: its `limit` nearest tools join the candidates
   * and every candidate gets its similarity (`sentenceSimilarities`).
   */
  sentence?: { embedderId: string; vector: number[]; /** Nearest tools this channel adds (default `limit`; 0 only re-scores). */ limit?: number };
}

export interface Candidates {
  /** Current versions of the union of both lists, by name. */
  summaries: ToolSummary[];
  nearest: string[];
  matching: string[];
  /** Cosine similarity of each candidate's stored vector (this embedder's) to the query vector; absent without one. */
  similarities: Map<string, number>;
  /** The same for the sentence channel; a tool with no sentence vector is absent. */
  sentenceSimilarities: Map<string, number>;
}

const CandidateOptionsSchema = z.object({
  vector: z.array(z.number()).nullable(),
  words: z.array(z.object({ word: z.string(), documentFrequency: z.number().int().nonnegative() })).max(1000),
  limit: z.number().int().positive().max(10_000),
  textMatchBudget: z.number().int().positive(),
});

/** A SQL string literal (embedder ids are data; the HNSW index predicate needs them inline). */
function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

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

/** The candidate statement (see `searchCandidates`) and its parameters. */
export function candidatesStatement(options: {
  embedderId: string;
  dimensions: number | undefined;
  vector: number[] | null;
  query: string;
  words: ReadonlyArray<{ word: string; documentFrequency: number }>;
  limit: number;
  textMatchBudget: number;
  /** The sentence channel with its registered dimensions (undefined when no tool has such a vector yet). */
  sentence?: { embedderId: string; vector: number[]; dimensions: number | undefined; limit?: number };
}): { text: string; params: unknown[]; usesVectors: boolean } {
  const { embedderId, dimensions, query, sentence } = options;
  const input = options;
  const usesSentence = sentence !== undefined && sentence.dimensions === sentence.vector.length;
  const sentenceCast = `vector(${Math.trunc(sentence?.dimensions ?? 0)})`;
  const sentenceLimit = Math.trunc(sentence?.limit ?? options.limit);
  const sentencePart = usesSentence && sentenceLimit > 0
    ? `sentence_nearest AS (${vectorSearchSql({ embedderId: sentence.embedderId, dimensions: sentence.vector.length }).replaceAll('$1::text', '$5::text').replace('LIMIT $2::int', `LIMIT ${sentenceLimit}`)})`
    : `sentence_nearest AS (SELECT NULL::text AS name, NULL::float8 AS similarity WHERE $5::text IS NOT NULL AND false)`;
  // As for `similarity` below: sentence candidates bring theirs from the scan, the others look it up.
  const sentenceSimilarity = usesSentence
    ? `COALESCE(max(n.sentence_similarity), (SELECT 1 - (e.embedding::${sentenceCast} <=> $5::text::${sentenceCast}) FROM tool_embeddings e WHERE e.tool_name = t.name AND e.embedder = ${sqlLiteral(sentence.embedderId)}))`
    : 'NULL::float8';
  const usesVectors = input.vector !== null && dimensions !== undefined && dimensions === input.vector.length;
  const cast = `vector(${Math.trunc(dimensions ?? 0)})`;
  const vectorPart = usesVectors
    ? `nearest AS (${vectorSearchSql({ embedderId, dimensions }).replaceAll('$1::text', '$3::text')})`
    : `nearest AS (SELECT NULL::text AS name, NULL::float8 AS similarity WHERE $3::text IS NOT NULL AND false)`;
  // Every candidate's stored vector against the query's, so re-scoring need not embed the candidates.
  // Vector candidates bring theirs from the scan; only text-only ones look their vector up (COALESCE stops early).
  const similarity = usesVectors
    ? `COALESCE(max(n.similarity), (SELECT 1 - (e.embedding::${cast} <=> $3::text::${cast}) FROM tool_embeddings e WHERE e.tool_name = t.name AND e.embedder = ${sqlLiteral(embedderId)}))`
    : 'NULL::float8';
  // As `TEXT_SEARCH_SQL`, but ranking at most `$4` matches (the budget): past it, which matches are
  // ranked is the index's order, and the vector candidates carry the search.
  const text = `WITH q AS (SELECT replace(plainto_tsquery('english', $1::text)::text, ' & ', ' | ')::tsquery AS any_word),
    matched AS (SELECT t.name, t.search_document FROM tools t, q WHERE t.search_document @@ q.any_word LIMIT $4::int),
    matching AS (SELECT m.name, ts_rank(m.search_document, q.any_word, 32) AS rank FROM matched m, q ORDER BY rank DESC, m.name LIMIT $2::int),
    ${vectorPart},
    ${sentencePart},
    names AS (SELECT name, 'text' AS source, NULL::float8 AS similarity, NULL::float8 AS sentence_similarity FROM matching
      UNION ALL SELECT name, 'vector', similarity, NULL FROM nearest
      UNION ALL SELECT name, 'sentence', NULL, similarity FROM sentence_nearest)
    SELECT ${SUMMARY_COLUMNS}, array_agg(DISTINCT n.source) AS sources, ${similarity} AS similarity, ${sentenceSimilarity} AS sentence_similarity${usesVectors || usesSentence ? `, ${VECTOR_SCAN_READY_COLUMN}` : ''}
    FROM names n JOIN tools t ON t.name = n.name
      JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
    GROUP BY t.name, v.id
    ORDER BY t.name`;
  const params = [
    textQuery(query, input.words, input.textMatchBudget),
    input.limit,
    usesVectors ? JSON.stringify(input.vector) : null,
    input.textMatchBudget,
    usesSentence ? JSON.stringify(sentence.vector) : null,
  ];
  return { text, params, usesVectors: usesVectors || usesSentence };
}

/**
 * Both candidate lists and their summaries in one statement: nearest vectors through the
 * embedder's HNSW index (`withVectorScan`: `hnsw.ef_search` at least `limit`), full-text matches through the GIN
 * index, joined to the tools' current versions.
 */
export async function searchCandidates(options: CandidateOptions & { sql: SqlClient; dimensions: number | undefined; sentenceDimensions?: number | undefined }): Promise<Candidates> {
  const { sql, embedderId, query, dimensions, sentence } = options;
  const input = parseInput(CandidateOptionsSchema, { vector: options.vector, words: options.words, limit: options.limit, textMatchBudget: options.textMatchBudget }, 'search_invalid', 'candidate search');
  if (input.vector !== null) parseInput(EmbeddingSchema, { embedderId, vector: input.vector }, 'embedding_invalid', 'query vector');
  if (sentence !== undefined) parseInput(EmbeddingSchema, sentence, 'embedding_invalid', 'sentence query vector');
  const { text, params, usesVectors } = candidatesStatement({
    embedderId, dimensions, query, ...input,
    ...(sentence === undefined ? {} : { sentence: { ...sentence, dimensions: options.sentenceDimensions } }),
  });
  type Row = SummaryRow & { sources: string[] | string; similarity: number | null; sentence_similarity: number | null; vector_scan_ready: boolean | null };
  const run = async (client: SqlClient) => (await client.query<Row>(text, params)).rows;
  const rows = usesVectors ? await withVectorScan(sql, input.limit, run) : await run(sql);
  const sourcesOf = (row: { sources: string[] | string }) => (Array.isArray(row.sources) ? row.sources : String(row.sources).replace(/[{}]/g, '').split(','));
  return {
    summaries: rows.map(summaryFromRow),
    similarities: new Map(rows.flatMap((row) => (row.similarity === null ? [] : [[row.name, Number(row.similarity)] as const]))),
    sentenceSimilarities: new Map(rows.flatMap((row) => (row.sentence_similarity === null ? [] : [[row.name, Number(row.sentence_similarity)] as const]))),
    nearest: rows.filter((row) => sourcesOf(row).includes('vector')).map((row) => row.name),
    matching: rows.filter((row) => sourcesOf(row).includes('text')).map((row) => row.name),
  };
}
