import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySearchIndex } from './memory-search-index.ts';
import { createWordVectorEmbedder, type WordVectorEmbedder } from './word-vectors/create-word-vector-embedder.ts';

let cacheDir: string;
let embedder: WordVectorEmbedder;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'toolsmith-search-'));
  embedder = createWordVectorEmbedder({ cacheDir });
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('createMemorySearchIndex', () => {
  it('finds the CSV tool for a spreadsheet request with no shared word', async () => {
    const index = await createMemorySearchIndex({
      embedder,
      tools: [
        { name: 'temperature_converter', description: 'Convert a temperature between Celsius and Fahrenheit.' },
        { name: 'csv_analyzer', description: 'Analyze a CSV file and summarize its columns.' },
        { name: 'paper_search', description: 'Search academic papers by topic.' },
      ],
    });
    const [best] = await index.search({ query: 'examine this spreadsheet', limit: 1 });
    expect(best?.name).toBe('csv_analyzer');
  });
});
