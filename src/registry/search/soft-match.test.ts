import { describe, expect, it } from 'vitest';
import { indexDocumentWords, softMatchScores, type DocumentWords } from './soft-match.ts';

/** Deterministic numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

function vocabularyOf(words: string[], documents: number[][], weights: number[]): DocumentWords {
  return { words, stems: words, rows: new Int32Array(words.length).fill(-1), documents: documents.map((ids) => Int32Array.from(ids)), weights: Float64Array.from(weights) };
}

/** The score as the doc comment states it, written plainly. */
function referenceScores(vocabulary: DocumentWords, querySimilarities: Float64Array[], queryIdf: number[]): number[] {
  const credit = (similarity: number) => (similarity > 0 ? similarity ** 3 : 0);
  const documents = vocabulary.documents.map((ids) => [...ids]);
  const best = querySimilarities.map((similarities) => documents.map((ids) => ids.reduce((max, id) => Math.max(max, similarities[id] ?? 0), 0)));
  const weights = best.map((perDocument, q) => {
    const top = perDocument.reduce((max, value) => Math.max(max, value), 0);
    const mean = perDocument.reduce((sum, value) => sum + value, 0) / Math.max(1, perDocument.length);
    return (queryIdf[q] ?? 0) * Math.max(0, top - mean);
  });
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  return documents.map((ids, d) => {
    const querySide = best.reduce((sum, perDocument, q) => sum + (weights[q] ?? 0) * credit(perDocument[d] ?? 0), 0);
    let documentSide = 0;
    let documentWeight = 0;
    for (const id of ids) {
      const closest = querySimilarities.reduce((max, similarities) => Math.max(max, similarities[id] ?? 0), 0);
      documentSide += (vocabulary.weights[id] ?? 1) * credit(closest);
      documentWeight += vocabulary.weights[id] ?? 1;
    }
    return (totalWeight > 0 ? querySide / totalWeight : 0) + 0.3 * (documentWeight > 0 ? documentSide / documentWeight : 0);
  });
}

describe('indexDocumentWords', () => {
  it('numbers the distinct words in first-seen order and gives each document its distinct ones once', () => {
    const indexed = indexDocumentWords([['convert', 'currency', 'convert', 'rates'], [], ['rates', 'weather', 'rates'], ['convert']]);
    expect(indexed.words).toEqual(['convert', 'currency', 'rates', 'weather']);
    expect(indexed.documents.map((ids) => [...ids])).toEqual([[0, 1, 2], [], [2, 3], [0]]);
  });

  it('agrees with a set per document over random documents', () => {
    const random = seeded(5);
    for (let trial = 0; trial < 200; trial += 1) {
      const documents = Array.from({ length: Math.floor(random() * 30) }, () => Array.from({ length: Math.floor(random() * 12) }, () => `w${Math.floor(random() * 25)}`));
      const words = [...new Set(documents.flat())];
      const indexed = indexDocumentWords(documents);
      expect(indexed.words).toEqual(words);
      expect(indexed.documents.map((ids) => [...ids])).toEqual(documents.map((document) => [...new Set(document)].map((word) => words.indexOf(word))));
    }
  });
});

describe('softMatchScores', () => {
  it('gives full credit to a shared word and a cube of the cosine to a near one', () => {
    const vocabulary = vocabularyOf(['convert', 'currency', 'weather'], [[0, 1], [2]], [1, 1, 1]);
    const scores = softMatchScores({ vocabulary, querySimilarities: [Float64Array.of(1, 0.5, 0)], queryIdf: [2] });
    // Query side 1 for the first document; its words' own credits are 1 and 0.5³, weighed at 0.3.
    expect([...scores]).toEqual([1 + 0.3 * ((1 + 0.125) / 2), 0]);
  });

  it('matches the plainly written score exactly over random inputs', () => {
    const random = seeded(9);
    for (let trial = 0; trial < 500; trial += 1) {
      const wordCount = 1 + Math.floor(random() * 40);
      const documents = Array.from({ length: Math.floor(random() * 30) }, () => [...new Set(Array.from({ length: Math.floor(random() * 10) }, () => Math.floor(random() * wordCount)))]);
      const vocabulary = vocabularyOf(Array.from({ length: wordCount }, (_, i) => `w${i}`), documents, Array.from({ length: wordCount }, () => random() * 2));
      const queryCount = Math.floor(random() * 5);
      const querySimilarities = Array.from({ length: queryCount }, () => Float64Array.from({ length: wordCount }, () => random() * 1.6 - 0.6));
      const queryIdf = Array.from({ length: queryCount }, () => random() * 6);
      expect([...softMatchScores({ vocabulary, querySimilarities, queryIdf })]).toEqual(referenceScores(vocabulary, querySimilarities, queryIdf));
    }
  });
});
