import { z } from 'zod';
import { lexicalTerms } from '../search/lexical.ts';
import type { SqlClient } from './sql-client.ts';
import { parseInput } from './store-input.ts';

/**
 * A name word counts this many description words in a tool's lexical length and term frequencies:
 * a name is short and chosen to say what the tool is. The candidate scorer reads it from here so
 * stored lengths and per-candidate lengths agree.
 */
export const SEARCH_NAME_WEIGHT = 2;

/** What the lexical scorer knows of a tool: its distinct terms and its field-weighted length. */
export function searchTermsOf(tool: { name: string; description: string }): { terms: string[]; length: number } {
  const name = lexicalTerms(tool.name);
  const description = lexicalTerms(tool.description);
  return { terms: [...new Set([...name, ...description])], length: SEARCH_NAME_WEIGHT * name.length + description.length };
}

/**
 * A Postgres array literal of `values`, sent as text and cast with `$n::text::text[]` (both drivers
 * read it the same way, and `= ANY(...)` of an array parameter keeps primary-key lookups indexed).
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** Catalog-wide lexical statistics for a set of terms. */
export interface SearchStatistics {
  /** Current tools. */
  tools: number;
  /** Mean field-weighted length (`searchTermsOf(...).length`); 0 for an empty catalog. */
  averageLength: number;
  /** Tools holding each asked term; a term no tool holds is absent. */
  documentFrequency: Map<string, number>;
  /** Raised by every change to the statistics: figures read at the same generation agree. */
  generation: number;
}

/** Stores the tool's terms; the trigger of migration 2 moves the catalog counts with them. */
export async function writeSearchTerms(options: { tx: SqlClient; name: string; description: string }): Promise<void> {
  const { terms, length } = searchTermsOf(options);
  await options.tx.query(
    'UPDATE tools SET search_terms = $2::text::text[], search_length = $3::float8 WHERE name = $1::text',
    [options.name, textArrayLiteral(terms), length],
  );
}

/** Recounts every statistic from the tools' stored terms: after a bulk load that bypassed the trigger. */
export async function recountSearchStatistics(tx: SqlClient): Promise<void> {
  await tx.query('DELETE FROM search_term_counts');
  await tx.query(
    `INSERT INTO search_term_counts (term, tools)
     SELECT term, count(*) FROM tools, unnest(search_terms) AS held(term) GROUP BY term`,
  );
  await tx.query('UPDATE search_totals SET tools = (SELECT count(*) FROM tools), total_length = (SELECT COALESCE(sum(search_length), 0) FROM tools), generation = generation + 1');
}

/** Tools written before migration 2 have no terms; computes them once, in batches. */
async function fillMissingTerms(sql: SqlClient): Promise<void> {
  for (;;) {
    const { rows } = await sql.query<{ name: string; description: string }>(
      `SELECT t.name, v.manifest->>'description' AS description
       FROM tools t JOIN tool_versions v ON v.tool_name = t.name AND v.version = t.current_version
       WHERE t.search_length = 0 AND cardinality(t.search_terms) = 0 ORDER BY t.name LIMIT 500`,
    );
    const stale = rows.filter((row) => searchTermsOf(row).length > 0);
    if (stale.length === 0) return;
    await sql.transaction(async (tx) => {
      for (const row of stale) await writeSearchTerms({ tx, name: row.name, description: row.description ?? '' });
    });
  }
}

const TermsSchema = z.array(z.string().max(200)).max(10_000);

/** Fills in terms missing from rows written before migration 2, once per client (retried after a failure). */
export function createTermsFiller(sql: SqlClient): () => Promise<void> {
  let filled: Promise<void> | undefined;
  return () => {
    filled ??= fillMissingTerms(sql).catch((error: unknown) => {
      filled = undefined;
      throw error;
    });
    return filled;
  };
}

/** Validated, distinct terms to read statistics for. */
export function parseTerms(terms: readonly string[]): string[] {
  return parseInput(TermsSchema, [...new Set(terms)], 'search_terms_invalid', 'search terms');
}

/**
 * Select-list columns `totals` and `counts` (JSON) holding the statistics for the terms in the
 * text-array parameter `terms` (e.g. `$1`); read them with `statisticsFromColumns`.
 */
export function statisticsColumns(terms: string): string {
  return `(SELECT json_build_object('tools', tools, 'total_length', total_length, 'generation', generation) FROM search_totals) AS totals,
    (SELECT json_object_agg(term, tools) FROM search_term_counts WHERE term = ANY(${terms}::text::text[]) AND tools > 0) AS counts`;
}

export interface StatisticsColumns {
  totals: { tools: number | string; total_length: number | string; generation: number | string } | null;
  counts: Record<string, number | string> | null;
}

export function statisticsFromColumns(row: StatisticsColumns | undefined): SearchStatistics {
  const tools = Number(row?.totals?.tools ?? 0);
  return {
    tools,
    averageLength: tools > 0 ? Number(row?.totals?.total_length ?? 0) / tools : 0,
    documentFrequency: new Map(Object.entries(row?.counts ?? {}).map(([term, count]) => [term, Number(count)])),
    generation: Number(row?.totals?.generation ?? 0),
  };
}

/** Reads the statistics for `terms`; on first use per client, fills in terms missing from older rows. */
export function createSearchStatisticsReader(sql: SqlClient, fillTerms: () => Promise<void> = createTermsFiller(sql)): (options: { terms: readonly string[] }) => Promise<SearchStatistics> {
  return async ({ terms }) => {
    const asked = parseTerms(terms);
    await fillTerms();
    const { rows } = await sql.query<StatisticsColumns>(`SELECT ${statisticsColumns('$1')}`, [textArrayLiteral(asked)], { reusePlan: true });
    return statisticsFromColumns(rows[0]);
  };
}
