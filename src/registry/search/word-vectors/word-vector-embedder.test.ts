import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWordVectorEmbedder } from './create-word-vector-embedder.ts';
import { compactCachePath, loadWordVectors } from './load-word-vectors.ts';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'toolsmith-word-vectors-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] ?? 0) * (b[k] ?? 0);
  return sum;
}

describe('createWordVectorEmbedder', () => {
  it('places "examine this spreadsheet" nearer "analyze a CSV file" than a temperature converter', async () => {
    const embedder = createWordVectorEmbedder({ cacheDir });
    const [query, csv, temperature] = await embedder.embed({
      texts: ['examine this spreadsheet', 'analyze a CSV file', 'convert a temperature between Celsius and Fahrenheit'],
    });
    expect(query).toHaveLength(embedder.dimensions);
    expect(cosine(query!, csv!)).toBeGreaterThan(cosine(query!, temperature!));
  });

  it('rejects at once when the signal is already aborted', async () => {
    const embedder = createWordVectorEmbedder({ cacheDir });
    await expect(embedder.embed({ texts: ['x'], signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow('stop');
  });
});

describe('loadWordVectors', () => {
  it('builds the compact cache when missing and reuses it when present', async () => {
    const options = { cacheDir: join(cacheDir, 'small'), vocabularySize: 5_000 };
    const first = await loadWordVectors(options);
    expect(first.built).toBe(true);
    expect(first.cachePath).toBe(compactCachePath(options));
    const written = await stat(first.cachePath);

    const second = await loadWordVectors(options);
    expect(second.built).toBe(false);
    expect((await stat(second.cachePath)).mtimeMs).toBe(written.mtimeMs);
    expect(second.table.size).toBe(5_000);
    const king = second.table.indexOf('king');
    const queen = second.table.indexOf('queen');
    const market = second.table.indexOf('market');
    expect(king !== undefined && queen !== undefined && market !== undefined).toBe(true);
    expect(second.table.cosine(king!, queen!)).toBeGreaterThan(second.table.cosine(king!, market!));
  });

  it('rebuilds a cache file that is truncated', async () => {
    const options = { cacheDir: join(cacheDir, 'truncated'), vocabularySize: 2_000 };
    const { cachePath } = await loadWordVectors(options);
    const { truncate } = await import('node:fs/promises');
    await truncate(cachePath, 100);
    expect((await loadWordVectors(options)).built).toBe(true);
  });
});
