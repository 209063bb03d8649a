import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStarterPackageDirs } from '../starter/index.ts';
import { benchmarkRetrieval, BenchmarkToolSchema, openBenchmarkCatalog } from './retrieval-benchmark.ts';
import { createSentenceEncoder, createWordVectorEmbedder, type ForwardingEmbedder } from './search/index.ts';

const catalog = [
  { name: 'ShopFinder', description: 'Search products in online stores and compare their prices.', parameters: { properties: {} } },
  { name: 'FlightTracker', description: 'Track the status of a flight and its departure gate.', parameters: { properties: {} } },
  { name: 'RecipeBox', description: 'Suggests dishes to cook from the ingredients you have.', parameters: { properties: {} } },
  { name: 'WeatherNow', description: 'Current conditions and forecasts for any city.', parameters: { properties: {} } },
  { name: 'PaperSearch', description: 'Finds scholarly articles and citations.', parameters: { properties: {} } },
];

describe('registry search with the sentence encoder fused in', () => {
  const embedder = createWordVectorEmbedder();
  const sentenceEncoder = createSentenceEncoder();

  it('finds a tool that only world knowledge connects to the request ("headphones" → a shop)', async () => {
    const opened = await openBenchmarkCatalog({ catalog, embedder, sentenceEncoder });
    try {
      const wordsOnly = await opened.search({ query: 'I need new headphones', withSentence: false });
      const fused = await opened.search({ query: 'I need new headphones' });
      expect(wordsOnly.hits[0]?.name).not.toBe('ShopFinder');
      expect(fused.hits[0]?.name).toBe('ShopFinder');
      // What words already found stays found.
      expect((await opened.search({ query: 'is my flight delayed' })).hits[0]?.name).toBe('FlightTracker');
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('benchmarks words-only methods, the encoder alone and the fused default, marking the default', async () => {
    const queries = [
      { query: 'I need new headphones', tool: 'ShopFinder' },
      { query: 'what can I cook with eggs', tool: 'RecipeBox' },
      { query: 'any peer-reviewed work on sleep?', tool: 'PaperSearch' },
    ];
    const { rows } = await benchmarkRetrieval({ catalog, queries, embedder, sentenceEncoder, methods: ['bm25', 'hybrid'] });
    expect(rows.map((row) => [row.method, row.sentenceEncoderId !== null, row.isDefault])).toEqual([
      ['bm25', false, false],
      ['hybrid', false, false],
      ['sentence', true, false],
      ['hybrid', true, true],
    ]);
    expect(rows.at(-1)?.report.top1).toBe(1);
  }, 60_000);

  it('checks rather than reuses a top hit the encoder tipped over what the words and the phrasing around values chose', async () => {
    const dirs = await listStarterPackageDirs();
    const starter = await Promise.all(dirs.map(async (dir) => BenchmarkToolSchema.parse(JSON.parse(await readFile(join(dir, 'tool.json'), 'utf8')))));
    const opened = await openBenchmarkCatalog({ catalog: starter, embedder, sentenceEncoder });
    try {
      const query = 'which day is 2024-02-29';
      const wordsOnly = await opened.search({ query, withSentence: false });
      expect([wordsOnly.hits[0]?.name, wordsOnly.band]).toEqual(['day_of_week', 'reuse']);
      // The encoder prefers add_to_date by a hair; that choice is not reused without a check.
      const fused = await opened.search({ query });
      expect([fused.hits[0]?.name, fused.band]).toEqual(['add_to_date', 'check']);
    } finally {
      await opened.close();
    }
  }, 60_000);

  it('closes the channel its encoder forwards the vector on when the search fails before the scan takes it', async () => {
    // The real encoder, seen through a forwarding embedder that watches its end of the channel.
    const portClosings: Array<Promise<'closed'>> = [];
    const watched: ForwardingEmbedder = {
      id: sentenceEncoder.id,
      dimensions: sentenceEncoder.dimensions,
      embed: (call) => sentenceEncoder.embed(call),
      async embedForwarding({ text, port }) {
        portClosings.push(new Promise((resolve) => port.once('close', () => resolve('closed'))));
        const [vector = new Float32Array(sentenceEncoder.dimensions)] = await sentenceEncoder.embed({ texts: [text] });
        port.postMessage({ vector });
        return vector;
      },
    };
    const opened = await openBenchmarkCatalog({ catalog, embedder, sentenceEncoder: watched });
    await opened.prepare();
    expect((await opened.search({ query: 'I need new headphones' })).hits[0]?.name).toBe('ShopFinder');
    // A search that succeeds: the scan's thread read the vector and closed its end.
    const succeeded = portClosings.at(-1);
    const stillOpen = () => new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 2_000).unref());
    expect(await Promise.race([succeeded!, stillOpen()])).toBe('closed');
    // The database goes away under the search: its first statement fails, before any scan starts.
    await opened.close();
    await expect(opened.search({ query: 'is my flight delayed' })).rejects.toThrow();
    const failed = portClosings.at(-1);
    expect(failed).not.toBe(succeeded);
    expect(await Promise.race([failed!, stillOpen()])).toBe('closed');
  }, 60_000);
});
