import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The starter library: hand-written tool packages under `starter/` at the package root, imported
 * into every new library on first run. The path is resolved from this module, so it holds both for
 * `src/starter/` and for a compiled `dist/starter/` at the same depth.
 */
const STARTER_DIR = path.resolve(import.meta.dirname, '..', '..', 'starter');

/** Labeled retrieval queries for the starter tools: one `{"query": "...", "tool": "<name>"}` per line. */
export const STARTER_QUERIES_FILE = path.join(STARTER_DIR, 'queries.jsonl');

/**
 * Absolute paths of the starter tool package folders (each holding a `tool.json`), sorted by name.
 *
 * @example
 * for (const dir of await listStarterPackageDirs()) await store.put(await loadToolPackage({ dir }));
 */
export async function listStarterPackageDirs(): Promise<string[]> {
  const entries = await readdir(STARTER_DIR, { withFileTypes: true });
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(STARTER_DIR, entry.name);
    const manifest = await stat(path.join(dir, 'tool.json')).catch(() => undefined);
    if (manifest?.isFile()) dirs.push(dir);
  }
  return dirs.sort();
}
