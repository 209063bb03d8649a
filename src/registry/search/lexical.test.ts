import { describe, expect, it } from 'vitest';
import { createBm25Index, expandQuery, lexicalTerms, tokenize } from './lexical.ts';

describe('tokenize', () => {
  it('splits camelCase, acronym runs and snake_case names into lower-case words', () => {
    expect(tokenize('AppyPieAIAppBuilder')).toEqual(['appy', 'pie', 'ai', 'app', 'builder']);
    expect(tokenize('PDF_Exporter and maxLength')).toEqual(['pdf', 'exporter', 'and', 'max', 'length']);
  });

  it('drops stop words and stems what lexical scoring matches on', () => {
    expect(lexicalTerms('Can you help me analyzing the CSV files?')).toEqual(['analyz', 'csv', 'file']);
  });
});

describe('createBm25Index', () => {
  const documents = [
    'convert a temperature between Celsius and Fahrenheit',
    'analyze a CSV file and summarize its columns',
    'search academic papers by topic',
  ].map((text) => ({ fields: [{ terms: lexicalTerms(text), weight: 1 }] }));

  it('ranks the document with the exact keyword first', () => {
    const scores = createBm25Index(documents).score(lexicalTerms('summarize my csv').map((term) => ({ term, weight: 1 })));
    expect(Array.from(scores).indexOf(Math.max(...scores))).toBe(1);
    expect(scores[0]).toBe(0);
  });

  it('gives words no document has the largest idf', () => {
    const index = createBm25Index(documents);
    expect(index.idf('zebra')).toBeGreaterThan(index.idf('csv'));
  });
});

describe('expandQuery', () => {
  it('adds close neighbours at a reduced weight and ignores distant ones', () => {
    const terms = expandQuery({
      words: ['spreadsheet'],
      neighbours: () => [
        { word: 'csv', similarity: 0.7 },
        { word: 'weather', similarity: 0.2 },
      ],
      threshold: 0.5,
      perWord: 5,
      weight: 0.5,
    });
    expect(terms).toEqual([
      { term: 'spreadsheet', weight: 1 },
      { term: 'csv', weight: 0.35 },
    ]);
  });
});
