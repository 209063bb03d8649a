import { mkdtemp, rm, stat, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wordNetTerms } from '../memory-search-index.ts';
import { loadWordNetThesaurus, thesaurusCachePath } from './load-wordnet-thesaurus.ts';
import { createWordNetThesaurus } from './wordnet-thesaurus.ts';

let cacheDir: string;
beforeAll(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'toolsmith-wordnet-'));
});
afterAll(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('loadWordNetThesaurus', () => {
  it('relates inflected words to synonyms, hypernyms and derived forms of their first sense', async () => {
    const { thesaurus } = await loadWordNetThesaurus({ cacheDir });
    expect(thesaurus.related('spreadsheets')).toContain('program'); // hypernym, found through the lemma
    expect(thesaurus.related('horoscope')).toContain('prediction');
    expect(thesaurus.related('renting')).toEqual(expect.arrayContaining(['lease', 'hire']));
    // Only the first sense: "table" as furniture, not as a plateau (mesa).
    expect(thesaurus.related('table')).not.toContain('mesa');
    expect(thesaurus.related('zzzqx')).toEqual([]);
  });

  it('builds the cache once, reuses it, and rebuilds a truncated one', async () => {
    const dir = join(cacheDir, 'reuse');
    expect((await loadWordNetThesaurus({ cacheDir: dir })).built).toBe(true);
    const written = await stat(thesaurusCachePath(dir));
    const second = await loadWordNetThesaurus({ cacheDir: dir });
    expect(second.built).toBe(false);
    expect((await stat(second.cachePath)).mtimeMs).toBe(written.mtimeMs);
    expect(second.thesaurus.related('spreadsheet')).toContain('program');

    await truncate(second.cachePath, 1_000);
    expect((await loadWordNetThesaurus({ cacheDir: dir })).built).toBe(true);
  });

  it('fails with a hint when neither cache nor dictionary exists', async () => {
    await expect(loadWordNetThesaurus({ cacheDir: join(cacheDir, 'none'), dictDir: join(cacheDir, 'no-dict') })).rejects.toThrow(
      /WordNet thesaurus is not cached/,
    );
  });
});

describe('wordNetTerms', () => {
  it('keeps the user words at weight 1 and adds their relatives, stemmed, at a lower weight', () => {
    const thesaurus = createWordNetThesaurus(new Map([['forecast', ['prediction', 'weather']]]));
    const terms = wordNetTerms(['forecasts', 'weather'], thesaurus);
    expect(terms).toEqual(
      expect.arrayContaining([
        { term: 'forecast', weight: 1 },
        { term: 'weather', weight: 1 },
        { term: 'predict', weight: 0.3 },
      ]),
    );
    expect(terms).toHaveLength(3);
  });
});
