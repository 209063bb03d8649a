import { describe, expect, it } from 'vitest';
import { createCandidateScorer } from './catalog-index.ts';
import { createWordVectorEmbedder, type WordVectorEmbedder } from './search/index.ts';

const candidates = [
  { name: 'csv_column_summary', description: 'Summarizes a column of a CSV file: count, mean, min and max.' },
  { name: 'word_count', description: 'Counts the words in a text.' },
  { name: 'convert_temperature', description: 'Converts a temperature between Celsius and Fahrenheit.' },
];
const statistics = { tools: 100, averageLength: 12, documentFrequency: new Map([['csv', 3], ['column', 5], ['word', 8], ['count', 9]]), generation: 1 };

/** The real embedder, counting the texts it is asked to embed. */
function countingEmbedder(): { embedder: WordVectorEmbedder; embedded: string[] } {
  const real = createWordVectorEmbedder();
  const embedded: string[] = [];
  const embedder = Object.assign(Object.create(real) as WordVectorEmbedder, {
    embed: (options: Parameters<WordVectorEmbedder['embed']>[0]) => {
      embedded.push(...options.texts);
      return real.embed(options);
    },
  });
  return { embedder, embedded };
}

describe('createCandidateScorer', () => {
  it('does the candidates\' query-independent work in prepare, so scoring after it embeds only the query and scores the same', async () => {
    const query = 'summarize a spreadsheet column';
    const plain = countingEmbedder();
    const scorer = createCandidateScorer({ embedder: plain.embedder });
    const [queryVector = new Float32Array(0)] = await plain.embedder.embed({ texts: [query] });
    const expected = await scorer.score({ query, queryVector, candidates, statistics });

    const prepared = countingEmbedder();
    const early = createCandidateScorer({ embedder: prepared.embedder });
    await early.prepare({ candidates });
    // The names' vectors are made ahead of the query.
    expect(prepared.embedded).toEqual(candidates.map((tool) => tool.name));
    prepared.embedded.length = 0;
    const scores = await early.score({ query, queryVector, candidates, statistics });
    expect(prepared.embedded.filter((text) => candidates.some((tool) => tool.name === text))).toEqual([]);
    expect([...scores.entries()]).toEqual([...expected.entries()]);
    expect([...scores.entries()].sort((a, b) => b[1].relevance - a[1].relevance)[0]?.[0]).toBe('csv_column_summary');
  });
});
