import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LabeledQuery } from './evaluate.ts';
import type { SearchableTool } from './memory-search-index.ts';

/** The MetaTool set as the workplace provides it: `shared/` beside the repository. */
export const METATOOL_DIR = resolve(import.meta.dirname, '../../../../shared/eval/metatool');

/**
 * The MetaTool dev queries split in two by a seeded hash of the query text: methods are tuned on
 * `tune` and reported on `heldOut`, which is how the graders' unseen queries will behave. The
 * split never changes with the file's order or size.
 */
export function splitHalf(query: string): 'tune' | 'heldOut' {
  const digest = createHash('sha256').update(`toolsmith-metatool-split-v1\n${query}`).digest();
  return ((digest[0] ?? 0) & 1) === 0 ? 'tune' : 'heldOut';
}

export async function loadMetatool(dir = METATOOL_DIR): Promise<{
  catalog: SearchableTool[];
  queries: LabeledQuery[];
  tune: LabeledQuery[];
  heldOut: LabeledQuery[];
}> {
  const lines = async (file: string) => (await readFile(join(dir, file), 'utf8')).split('\n').filter((line) => line.trim() !== '');
  const catalog = (await lines('catalog.jsonl')).map((line) => JSON.parse(line) as SearchableTool);
  const queries = (await lines('queries-dev.jsonl')).map((line) => JSON.parse(line) as LabeledQuery);
  return {
    catalog,
    queries,
    tune: queries.filter((query) => splitHalf(query.query) === 'tune'),
    heldOut: queries.filter((query) => splitHalf(query.query) === 'heldOut'),
  };
}
