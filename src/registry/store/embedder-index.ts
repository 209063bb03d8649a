import { createHash } from 'node:crypto';
import { userError } from '../../errors.ts';
import type { Embedding } from './store-schemas.ts';
import type { SqlClient } from './sql-client.ts';

/**
 * Vectors of every embedder share one `vector` column of no fixed dimension. Each embedder gets a
 * partial HNSW index over `embedding::vector(N)` restricted to its rows; a query uses that index
 * only when it repeats the same cast and predicate, so both are built here from one place.
 */

/** A SQL string literal; embedder ids are data, quoted here because index predicates cannot take parameters. */
export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function hnswIndexName(embedderId: string): string {
  return `tool_embeddings_hnsw_${createHash('sha256').update(embedderId).digest('hex').slice(0, 16)}`;
}

/**
 * The nearest-neighbour query for one embedder, rows `(name, similarity)`. `vector` names the
 * parameter holding the query vector as text (default `$1`), `limit` the SQL for the row count (default `$2::int`).
 */
export function vectorSearchSql(options: { embedderId: string; dimensions: number; vector?: string; limit?: string }): string {
  const cast = `vector(${Math.trunc(options.dimensions)})`;
  const query = `${options.vector ?? '$1'}::${cast}`;
  return `SELECT tool_name AS name, 1 - (embedding::${cast} <=> ${query}) AS similarity
    FROM tool_embeddings
    WHERE embedder = ${sqlLiteral(options.embedderId)}
    ORDER BY embedding::${cast} <=> ${query}
    LIMIT ${options.limit ?? '$2::int'}`;
}

/** Builds the embedder's partial HNSW index (idempotent). */
export function vectorIndexSql(options: { embedderId: string; dimensions: number }): string {
  return `CREATE INDEX IF NOT EXISTS ${hnswIndexName(options.embedderId)} ON tool_embeddings
    USING hnsw ((embedding::vector(${Math.trunc(options.dimensions)})) vector_cosine_ops)
    WHERE embedder = ${sqlLiteral(options.embedderId)}`;
}

/** The embedder's registered dimension count, or undefined when it was never used. */
export async function embedderDimensions(options: { sql: SqlClient; embedderId: string }): Promise<number | undefined> {
  const { rows } = await options.sql.query<{ dimensions: number }>('SELECT dimensions FROM embedders WHERE id = $1::text', [
    options.embedderId,
  ]);
  return rows[0]?.dimensions;
}

/**
 * Registers the embedder and builds its index on first use; afterwards refuses vectors of another
 * length (the index cast would fail on them).
 */
export async function ensureEmbedder(options: { tx: SqlClient; embedderId: string; dimensions: number }): Promise<void> {
  const { tx, embedderId, dimensions } = options;
  let known = await embedderDimensions({ sql: tx, embedderId });
  if (known === undefined) {
    const indexName = hnswIndexName(embedderId);
    await tx.query(
      'INSERT INTO embedders (id, dimensions, index_name) VALUES ($1::text, $2::int, $3::text) ON CONFLICT (id) DO NOTHING',
      [embedderId, dimensions, indexName],
    );
    await tx.query(vectorIndexSql({ embedderId, dimensions }));
    known = (await embedderDimensions({ sql: tx, embedderId })) ?? dimensions;
  }
  if (known !== dimensions) {
    throw userError(
      'embedding_dimensions_mismatch',
      `embedder "${embedderId}" makes ${known}-dimensional vectors, but this one has ${dimensions}`,
      'give each embedder model its own id (for example "openai:text-embedding-3-small@1536")',
    );
  }
}

/** Inserts or replaces the tool's vector for each embedder, tagged with the version it describes. */
export async function upsertEmbeddings(options: { tx: SqlClient; name: string; version: string; embeddings: Embedding[] }): Promise<void> {
  for (const { embedderId, vector } of options.embeddings) {
    await ensureEmbedder({ tx: options.tx, embedderId, dimensions: vector.length });
    await options.tx.query(
      `INSERT INTO tool_embeddings (tool_name, embedder, version, dimensions, embedding)
       VALUES ($1::text, $2::text, $3::text, $4::int, $5::text::vector)
       ON CONFLICT (tool_name, embedder) DO UPDATE
         SET version = EXCLUDED.version, dimensions = EXCLUDED.dimensions, embedding = EXCLUDED.embedding, updated_at = now()`,
      [options.name, embedderId, options.version, vector.length, JSON.stringify(vector)],
    );
  }
}
