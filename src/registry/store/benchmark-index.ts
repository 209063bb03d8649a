import { z } from 'zod';
import { ensureEmbedder, hnswIndexName, vectorIndexSql } from './embedder-index.ts';
import { candidatesStatement, DEFAULT_EF_SEARCH, type CandidateOptions } from './search-candidates.ts';
import { searchTexts } from './search-document.ts';
import { recountSearchStatistics, searchTermsOf } from './search-statistics.ts';
import type { SqlClient } from './sql-client.ts';
import { parseInput } from './store-input.ts';
import { EmbeddingSchema, type Embedding } from './store-schemas.ts';

/** A catalog entry for a retrieval benchmark: what search reads of a manifest, nothing to run. */
export interface BenchmarkManifest {
  name: string;
  description: string;
  parameters: { properties: Record<string, { description?: unknown }> };
  embeddings: Embedding[];
}

const BenchmarkManifestSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string(),
  parameters: z.looseObject({ properties: z.record(z.string(), z.looseObject({ description: z.unknown().optional() })) }),
  embeddings: z.array(EmbeddingSchema),
});

/** Rows per INSERT statement. */
const BATCH = 500;
/** `maintenance_work_mem` while the HNSW indexes are built: room for a 100k-tool graph. */
const BUILD_MEMORY = '512MB';

/**
 * FOR BENCHMARKS ONLY: writes tools straight into the store as a bulk import would, with no code,
 * no tests and no verification (status `experimental`, reason `benchmark`), so retrieval can be
 * measured over catalogs of any size through the real search path. Meant for a throwaway store.
 *
 * Like a bulk import, it drops each embedder's HNSW index, inserts, then builds the index once, and
 * recounts the search statistics in one pass instead of per row. Names must be new.
 *
 * @returns milliseconds spent inserting rows, building vector indexes and counting statistics.
 */
export async function indexManifestsForBenchmark(options: {
  sql: SqlClient;
  tools: readonly BenchmarkManifest[];
}): Promise<{ insertMs: number; vectorIndexMs: number; statisticsMs: number }> {
  const { sql } = options;
  const tools = parseInput(z.array(BenchmarkManifestSchema), options.tools, 'benchmark_catalog_invalid', 'benchmark catalog');
  const embedders = new Map<string, number>();
  for (const tool of tools) for (const { embedderId, vector } of tool.embeddings) embedders.set(embedderId, vector.length);

  const insertStarted = performance.now();
  // Outside the transaction: ALTER TABLE refuses while the deferred current-version check is pending.
  const triggers = ['tools_search_statistics_insert_delete', 'tools_search_statistics_update'];
  for (const trigger of triggers) await sql.query(`ALTER TABLE tools DISABLE TRIGGER ${trigger}`);
  try {
  await sql.transaction(async (tx) => {
    for (const [embedderId, dimensions] of embedders) {
      await ensureEmbedder({ tx, embedderId, dimensions });
      await tx.query(`DROP INDEX IF EXISTS ${hnswIndexName(embedderId)}`);
    }
    for (let start = 0; start < tools.length; start += BATCH) {
      const batch = tools.slice(start, start + BATCH);
      const rows = batch.map((tool) => {
        const texts = searchTexts(tool);
        const { terms, length } = searchTermsOf(tool);
        const manifest = { name: tool.name, description: tool.description, parameters: tool.parameters, version: '1.0.0' };
        return { name: tool.name, manifest, terms, length, name_text: texts.name, description_text: texts.description, parameter_text: texts.parameters };
      });
      await tx.query(
        `INSERT INTO tools (name, current_version, description, status, search_terms, search_length, search_document)
         SELECT r.name, '1.0.0', r.description_text, 'experimental', r.terms, r.length,
                setweight(to_tsvector('english', r.name_text), 'A') ||
                setweight(to_tsvector('english', r.description_text), 'B') ||
                setweight(to_tsvector('english', r.parameter_text), 'C')
         FROM jsonb_to_recordset($1::text::jsonb)
           AS r(name text, terms text[], length float8, name_text text, description_text text, parameter_text text)`,
        [JSON.stringify(rows)],
      );
      await tx.query(
        `INSERT INTO tool_versions (tool_name, version, manifest, source, tests, reason, status, status_reason)
         SELECT r.name, '1.0.0', r.manifest, '', '', 'benchmark', 'experimental', 'indexed for a retrieval benchmark; never verified'
         FROM jsonb_to_recordset($1::text::jsonb) AS r(name text, manifest jsonb)`,
        [JSON.stringify(rows.map(({ name, manifest }) => ({ name, manifest })))],
      );
      const vectors = batch.flatMap((tool) =>
        tool.embeddings.map((embedding) => ({ name: tool.name, embedder: embedding.embedderId, dimensions: embedding.vector.length, embedding: JSON.stringify(embedding.vector) })),
      );
      if (vectors.length > 0) {
        await tx.query(
          `INSERT INTO tool_embeddings (tool_name, embedder, version, dimensions, embedding)
           SELECT r.name, r.embedder, '1.0.0', r.dimensions, r.embedding::vector
           FROM jsonb_to_recordset($1::text::jsonb) AS r(name text, embedder text, dimensions int, embedding text)`,
          [JSON.stringify(vectors)],
        );
      }
    }
  });
  } finally {
    for (const trigger of triggers) await sql.query(`ALTER TABLE tools ENABLE TRIGGER ${trigger}`);
  }
  const insertMs = performance.now() - insertStarted;

  const indexStarted = performance.now();
  // An HNSW build whose graph outgrows maintenance_work_mem (64MB by default) slows down many times
  // over: 100k 512-d vectors took 12 minutes. A bulk build may use more, for this build only.
  await sql.query(`SET maintenance_work_mem = '${BUILD_MEMORY}'`);
  try {
    for (const [embedderId, dimensions] of embedders) await sql.query(vectorIndexSql({ embedderId, dimensions }));
  } finally {
    await sql.query('RESET maintenance_work_mem');
  }
  const vectorIndexMs = performance.now() - indexStarted;

  const statisticsStarted = performance.now();
  await sql.transaction((tx) => recountSearchStatistics(tx));
  await sql.query('ANALYZE tools');
  await sql.query('ANALYZE tool_embeddings');
  const statisticsMs = performance.now() - statisticsStarted;
  return { insertMs, vectorIndexMs, statisticsMs };
}

/**
 * FOR BENCHMARKS: `EXPLAIN ANALYZE` of the candidate statement a search runs
 * (`ToolStore.searchCandidates`), to check it uses the HNSW and GIN indexes.
 */
export async function explainSearchForBenchmark(options: Omit<CandidateOptions, 'vector'> & { sql: SqlClient; vector: number[] }): Promise<string> {
  const { sql, vector } = options;
  const { text, params } = candidatesStatement({ ...options, dimensions: vector.length });
  const rows = await sql.transaction(async (tx) => {
    await tx.query(`SET LOCAL hnsw.ef_search = ${Math.max(DEFAULT_EF_SEARCH, Math.trunc(options.limit))}`);
    return (await tx.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, params)).rows;
  });
  return rows.map((row) => String(Object.values(row)[0])).join('\n');
}
