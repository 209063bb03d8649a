import { createHash } from 'node:crypto';
import type { ToolManifest } from '../../tool-package/index.ts';
import { writeSearchTerms } from './search-statistics.ts';
import type { SqlClient } from './sql-client.ts';

/** `reverse_string` and `maxLength` → words a stemmer can match ("reverse string", "max length"). */
export function splitIdentifier(identifier: string): string {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .toLowerCase()
    .trim();
}

/** The parts of a manifest that search reads. */
export type SearchableManifest = Pick<ToolManifest, 'name' | 'description'> & {
  parameters: { properties: Record<string, { description?: unknown }> };
};

/** The three weighted texts of a tool: name words (A), description (B), parameters (C). */
export function searchTexts(manifest: SearchableManifest): { name: string; description: string; parameters: string } {
  const parameterWords: string[] = [];
  for (const [key, schema] of Object.entries(manifest.parameters.properties)) {
    parameterWords.push(splitIdentifier(key));
    if (typeof schema.description === 'string') parameterWords.push(schema.description);
  }
  return { name: splitIdentifier(manifest.name), description: manifest.description, parameters: parameterWords.join('. ') };
}

/**
 * Fingerprint of what an embedder reads (name, description, parameters). Two versions with the
 * same fingerprint can share a vector, so a rollback keeps it.
 */
export function embeddedTextDigest(manifest: ToolManifest): string {
  const texts = searchTexts(manifest);
  return createHash('sha256').update(JSON.stringify([texts.name, texts.description, texts.parameters])).digest('hex');
}

/** Rebuilds the tool's tsvector and its lexical terms (`search-statistics.ts`) from `manifest` (the current version's). */
export async function writeSearchDocument(options: { tx: SqlClient; manifest: ToolManifest }): Promise<void> {
  const texts = searchTexts(options.manifest);
  await options.tx.query(
    `UPDATE tools SET search_document =
       setweight(to_tsvector('english', $2::text), 'A') ||
       setweight(to_tsvector('english', $3::text), 'B') ||
       setweight(to_tsvector('english', $4::text), 'C')
     WHERE name = $1::text`,
    [options.manifest.name, texts.name, texts.description, texts.parameters],
  );
  await writeSearchTerms({ tx: options.tx, name: options.manifest.name, description: options.manifest.description });
}
