import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedText } from './catalog-index.ts';
import { createRegistrySearch } from './registry-search.ts';
import { removeHome } from './registry-test-support.ts';
import { createWordVectorEmbedder } from './search/index.ts';
import { openToolStore, type ToolStore } from './store/index.ts';
import { makePackage } from './store/test-support/fixtures.ts';

const embedder = createWordVectorEmbedder();

const tools = [
  { name: 'csv_column_summary', description: 'Summarizes a column of a CSV spreadsheet: count, mean and range.' },
  { name: 'convert_units', description: 'Converts a measurement between metric and imperial units.' },
  { name: 'word_count', description: 'Counts the words and sentences of a text.' },
  { name: 'json_query', description: 'Reads a value out of a JSON document by its path.' },
];

async function add(store: ToolStore, tool: { name: string; description: string }): Promise<void> {
  const [vector] = await embedder.embed({ texts: [embeddedText(tool)] });
  await store.addVersion({ pkg: makePackage(tool), status: 'verified', reason: 'created', embeddings: [{ embedderId: embedder.id, vector: Array.from(vector ?? []) }] });
}

describe('registry search statistics (real PGlite)', () => {
  let home: string;
  let opened: Awaited<ReturnType<typeof openToolStore>>;
  /** The terms of each statistics statement the search made. */
  const reads: string[][] = [];
  let counted: ToolStore;
  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'toolsmith-statistics-'));
    opened = await openToolStore({ dataDir: home });
    for (const tool of tools) await add(opened.store, tool);
    const { store } = opened;
    counted = {
      ...store,
      searchStatistics: async (options) => {
        reads.push([...options.terms]);
        return store.searchStatistics(options);
      },
    };
  }, 60_000);
  afterAll(async () => {
    await opened.close();
    await removeHome(home);
  });

  it('reads the frequencies of the same terms once while the catalog is unchanged, and again after a change', async () => {
    const search = createRegistrySearch({ store: counted, embedder });
    const query = 'examine this spreadsheet';
    const first = await search.search({ query });
    expect(reads.length).toBe(1);
    expect(await search.search({ query })).toEqual(first);
    expect(reads.length).toBe(1);
    // New words change the frequencies of terms already read: the next search must not use the old ones.
    await add(opened.store, { name: 'spreadsheet_examiner', description: 'Examines a spreadsheet and reports its columns and rows.' });
    const after = await search.search({ query });
    expect(reads.length).toBe(2);
    expect(after).toEqual(await createRegistrySearch({ store: opened.store, embedder }).search({ query }));
    expect(after.hits[0]?.name).toBe('spreadsheet_examiner');
  }, 60_000);
});
