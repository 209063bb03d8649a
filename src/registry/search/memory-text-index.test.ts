import { describe, expect, it } from 'vitest';
import { lexicalTerms } from './lexical.ts';
import { createMemoryTextIndex, type TextDocument } from './memory-text-index.ts';

const tool = (name: string, description: string, parameters = ''): TextDocument => ({ name, texts: { name: name.replaceAll('_', ' '), description, parameters } });

/** BM25F written out plainly, to check the index's postings, counts and ranking against. */
function referenceSearch(documents: readonly TextDocument[], terms: readonly string[], limit: number): string[] {
  const weighted = documents.map((document) => {
    const frequencies = new Map<string, number>();
    let length = 0;
    for (const [field, weight] of [['name', 2], ['description', 1], ['parameters', 0.5]] as const) {
      const fieldTerms = lexicalTerms(document.texts[field]);
      for (const term of fieldTerms) frequencies.set(term, (frequencies.get(term) ?? 0) + weight);
      length += fieldTerms.length * weight;
    }
    return { name: document.name, frequencies, length };
  });
  const averageLength = weighted.reduce((sum, document) => sum + document.length, 0) / weighted.length;
  const scored = weighted.map((document) => {
    let score = 0;
    for (const term of new Set(terms)) {
      const frequency = document.frequencies.get(term);
      if (frequency === undefined) continue;
      const holders = weighted.filter((other) => other.frequencies.has(term)).length;
      const idf = Math.log(1 + (weighted.length - holders + 0.5) / (holders + 0.5));
      score += (idf * frequency * 2.2) / (frequency + 1.2 * (0.25 + (0.75 * document.length) / averageLength));
    }
    return { name: document.name, score };
  });
  return scored
    .filter((document) => document.score > 0)
    .sort((a, b) => b.score - a.score || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((document) => document.name);
}

/** A seeded catalog of random word mixes, so ties, shared terms and long postings all occur. */
function randomCatalog(count: number, seed: number): TextDocument[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const vocabulary = ['csv', 'file', 'parse', 'convert', 'date', 'time', 'zone', 'sum', 'column', 'text', 'count', 'word', 'json', 'query', 'unit', 'length', 'percent', 'average', 'median', 'string'];
  const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => tool(`tool_${i}_${words(1)}`, words(2 + Math.floor(next() * 8)), words(Math.floor(next() * 3))));
}

describe('createMemoryTextIndex', () => {
  it('ranks the tools that hold more and rarer query terms first, weighting names over descriptions', () => {
    const index = createMemoryTextIndex();
    index.apply({
      upserts: [
        tool('csv_parser', 'Reads rows of a CSV file'),
        tool('file_size', 'Tells how large a file is'),
        tool('word_count', 'Counts the words of a text', 'text to count'),
        tool('row_reader', 'Reads a csv file row by row'),
      ],
      removals: [],
    });
    expect(index.size).toBe(4);
    // "csv" is rarer than "file"; both tools hold both, and the parser has "csv" in its name.
    expect(index.search({ terms: lexicalTerms('parse a csv file'), limit: 3 })).toEqual(['csv_parser', 'row_reader', 'file_size']);
    expect(index.search({ terms: lexicalTerms('how many words'), limit: 5 })).toEqual(['word_count']);
    expect(index.search({ terms: ['walrus'], limit: 5 })).toEqual([]);
    expect(index.search({ terms: lexicalTerms('csv'), limit: 1 })).toEqual(['csv_parser']);
  });

  it('agrees with a plainly written BM25F on a random catalog, through replacements, removals and compaction', () => {
    const catalog = randomCatalog(400, 7);
    const index = createMemoryTextIndex();
    index.apply({ upserts: catalog.slice(0, 250), removals: [] });
    index.apply({ upserts: catalog.slice(250), removals: [] });
    const queries = [['csv', 'file'], lexicalTerms('convert the date to a time zone'), ['sum', 'column', 'column'], lexicalTerms('average median of json query'), ['walrus', 'text']];
    for (const terms of queries) expect(index.search({ terms, limit: 20 })).toEqual(referenceSearch(catalog, terms, 20));

    // Replace some, remove more than a quarter (a compaction), and add some back under old names.
    const replaced = catalog.slice(0, 50).map((document, i) => ({ ...document, texts: { ...document.texts, description: randomCatalog(50, 99)[i]?.texts.description ?? '' } }));
    const removed = catalog.slice(100, 230).map((document) => document.name);
    index.apply({ upserts: replaced, removals: removed });
    const current = [...replaced, ...catalog.slice(50, 100), ...catalog.slice(230)];
    expect(index.size).toBe(current.length);
    for (const terms of queries) expect(index.search({ terms, limit: 20 })).toEqual(referenceSearch(current, terms, 20));
    index.apply({ upserts: catalog.slice(100, 110), removals: ['no_such_tool'] });
    const restored = [...current, ...catalog.slice(100, 110)];
    for (const terms of queries) expect(index.search({ terms, limit: 50 })).toEqual(referenceSearch(restored, terms, 50));
  });

  it('answers nothing from an empty index or for a limit of zero', () => {
    const index = createMemoryTextIndex();
    expect(index.search({ terms: ['csv'], limit: 5 })).toEqual([]);
    index.apply({ upserts: [tool('csv_parser', 'Reads a CSV file')], removals: [] });
    expect(index.search({ terms: ['csv'], limit: 0 })).toEqual([]);
    index.apply({ upserts: [], removals: ['csv_parser'] });
    expect(index.size).toBe(0);
    expect(index.search({ terms: ['csv'], limit: 5 })).toEqual([]);
  });
});
