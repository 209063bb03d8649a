import { describe, expect, it } from 'vitest';
import { createFrequencyCache } from './frequency-cache.ts';

const statistics = (generation: number, frequencies: Record<string, number>) => ({
  tools: 10,
  averageLength: 4,
  generation,
  documentFrequency: new Map(Object.entries(frequencies)),
});

describe('document frequency cache', () => {
  it('answers the terms it has read at the same generation, a term no tool holds included', () => {
    const cache = createFrequencyCache();
    cache.record(statistics(3, { convert: 7 }), ['convert', 'zebra']);
    expect(cache.lookup(3, ['convert', 'zebra', 'table'])).toEqual({ known: new Map([['convert', 7], ['zebra', 0]]), missing: ['table'] });
  });

  it('forgets everything when the statistics move to another generation', () => {
    const cache = createFrequencyCache();
    cache.record(statistics(3, { convert: 7 }), ['convert']);
    expect(cache.lookup(4, ['convert'])).toEqual({ known: new Map(), missing: ['convert'] });
    cache.record(statistics(4, { table: 2 }), ['table']);
    expect(cache.lookup(4, ['convert', 'table'])).toEqual({ known: new Map([['table', 2]]), missing: ['convert'] });
    expect(cache.lookup(3, ['table']).missing).toEqual(['table']);
  });

  it('starts again rather than grow past its size', () => {
    const cache = createFrequencyCache({ maxTerms: 3 });
    cache.record(statistics(1, { a: 1, b: 1, c: 1 }), ['a', 'b', 'c']);
    cache.record(statistics(1, { d: 1 }), ['d']);
    expect(cache.lookup(1, ['a', 'b', 'c', 'd'])).toEqual({ known: new Map([['d', 1]]), missing: ['a', 'b', 'c'] });
  });
});
