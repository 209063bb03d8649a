import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ToolManifestSchema, type ToolManifest } from '../../tool-package/index.ts';

const STARTER_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'starter');

/** A starter tool's real manifest, read from `starter/<name>/tool.json`. */
export function starterManifest(name: string): ToolManifest {
  return ToolManifestSchema.parse(JSON.parse(readFileSync(path.join(STARTER_DIR, name, 'tool.json'), 'utf8')));
}

/** The reverse_string tool of the examples: one string parameter `s`. */
export const reverseStringManifest: ToolManifest = ToolManifestSchema.parse({
  name: 'reverse_string',
  description: 'Reverses a string.',
  parameters: { type: 'object', properties: { s: { type: 'string', description: 'The text to reverse.' } }, required: ['s'], additionalProperties: false },
  returns: { type: 'string' },
});
