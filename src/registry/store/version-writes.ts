import { z } from 'zod';
import { userError } from '../../errors.ts';
import { ToolManifestSchema, type ToolManifest } from '../../tool-package/index.ts';
import { upsertEmbeddings } from './embedder-index.ts';
import { embeddedTextDigest, writeSearchDocument } from './search-document.ts';
import type { SqlClient } from './sql-client.ts';
import { EmbeddingSchema, StoredTestResultsSchema, ToolStatusSchema, type Embedding } from './store-schemas.ts';
import { lockTool, parseInput, versionNotFound } from './store-input.ts';
import type { AddVersionOptions } from './tool-store-port.ts';

const AddVersionInputSchema = z.object({
  manifest: ToolManifestSchema,
  source: z.string(),
  tests: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().optional(),
  testResults: StoredTestResultsSchema.optional(),
  reason: z.string().trim().min(1, 'say why this version was made ("created", "repaired: ...")'),
  embeddings: z.array(EmbeddingSchema).refine((list) => new Set(list.map((e) => e.embedderId)).size === list.length, {
    message: 'at most one vector per embedder',
  }),
});

function nextPatch(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}.${Number(match[3]) + 1}` : `${version}-1`;
}

/** One transaction: tool row (created or repointed), the version, its search document and vectors. */
export async function addVersionInTransaction(options: { tx: SqlClient } & AddVersionOptions): Promise<void> {
  const { tx } = options;
  const input = parseInput(
    AddVersionInputSchema,
    { ...options.pkg, status: options.status, statusReason: options.statusReason, testResults: options.testResults, reason: options.reason, embeddings: options.embeddings },
    'tool_version_invalid',
    'tool version',
  );
  const { name, version } = input.manifest;
  // The upsert takes the tool's row lock, so concurrent writers of one tool queue here.
  await tx.query(
    `INSERT INTO tools (name, current_version, description, status) VALUES ($1::text, $2::text, $3::text, $4::text)
     ON CONFLICT (name) DO UPDATE SET current_version = EXCLUDED.current_version, description = EXCLUDED.description,
       status = EXCLUDED.status, updated_at = now()`,
    [name, version, input.manifest.description, input.status],
  );
  const inserted = await tx.query(
    `INSERT INTO tool_versions (tool_name, version, manifest, source, tests, test_results, reason, status, status_reason)
     VALUES ($1::text, $2::text, $3::text::json, $4::text, $5::text, $6::text::jsonb, $7::text, $8::text, $9::text)
     ON CONFLICT (tool_name, version) DO NOTHING
     RETURNING id`,
    [
      name,
      version,
      JSON.stringify(input.manifest),
      input.source,
      input.tests,
      input.testResults === undefined ? null : JSON.stringify(input.testResults),
      input.reason,
      input.status,
      input.statusReason ?? null,
    ],
  );
  if (inserted.rows.length === 0) {
    throw userError('version_exists', `tool "${name}" already has version ${version}`, `bump "version" in tool.json (for example to ${nextPatch(version)})`, {
      name,
      version,
    });
  }
  await writeSearchDocument({ tx, manifest: input.manifest });
  // Vectors of the previous version describe it, not this one.
  await tx.query('DELETE FROM tool_embeddings WHERE tool_name = $1::text', [name]);
  await upsertEmbeddings({ tx, name, version, embeddings: input.embeddings });
}

async function versionOf(options: { tx: SqlClient; name: string; version: string }): Promise<{ manifest: ToolManifest; status: string } | undefined> {
  const { rows } = await options.tx.query<{ manifest: unknown; status: string }>(
    'SELECT manifest, status FROM tool_versions WHERE tool_name = $1::text AND version = $2::text',
    [options.name, options.version],
  );
  return rows[0] === undefined ? undefined : { manifest: ToolManifestSchema.parse(rows[0].manifest), status: rows[0].status };
}

/** Moves the current-version pointer and brings the search document and vectors in line with it. */
export async function rollbackInTransaction(options: { tx: SqlClient; name: string; to: string; embeddings?: Embedding[] }): Promise<void> {
  const { tx, name, to } = options;
  const embeddings = options.embeddings === undefined ? undefined : parseInput(z.array(EmbeddingSchema), options.embeddings, 'embedding_invalid', 'embeddings');
  const { currentVersion } = await lockTool({ tx, name });
  const found = await versionOf({ tx, name, version: to });
  if (found === undefined) throw versionNotFound(name, to);
  if (currentVersion === to) return;
  const target = found.manifest;
  await tx.query('UPDATE tools SET current_version = $2::text, description = $3::text, status = $4::text, updated_at = now() WHERE name = $1::text', [
    name,
    to,
    target.description,
    found.status,
  ]);
  await writeSearchDocument({ tx, manifest: target });
  if (embeddings !== undefined) {
    await tx.query('DELETE FROM tool_embeddings WHERE tool_name = $1::text', [name]);
    await upsertEmbeddings({ tx, name, version: to, embeddings });
    return;
  }
  const targetDigest = embeddedTextDigest(target);
  const { rows } = await tx.query<{ embedder: string; version: string }>(
    'SELECT embedder, version FROM tool_embeddings WHERE tool_name = $1::text',
    [name],
  );
  const digests = new Map<string, string | undefined>();
  for (const row of rows) {
    if (!digests.has(row.version)) {
      const other = await versionOf({ tx, name, version: row.version });
      digests.set(row.version, other === undefined ? undefined : embeddedTextDigest(other.manifest));
    }
    const sameText = digests.get(row.version) === targetDigest;
    await tx.query(
      sameText
        ? 'UPDATE tool_embeddings SET version = $3::text WHERE tool_name = $1::text AND embedder = $2::text'
        : 'DELETE FROM tool_embeddings WHERE tool_name = $1::text AND embedder = $2::text',
      sameText ? [name, row.embedder, to] : [name, row.embedder],
    );
  }
}
