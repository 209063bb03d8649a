import type { CompactVectors } from './compact-vectors.ts';

/**
 * Words of the wink package that the tokenizer can produce (lower-case letters and digits);
 * Zipf probabilities are normalized over this many words, whatever prefix the cache keeps, so a
 * word's weight does not depend on the vocabulary size chosen.
 */
const SOURCE_VOCABULARY = 321_243;
const ZIPF_NORMALIZER = Math.log(SOURCE_VOCABULARY) + 0.5772156649;

/** Lookup and arithmetic over word vectors; every vector is unit length. */
export interface WordVectorTable {
  readonly dimensions: number;
  readonly size: number;
  /** Row of `word`, or undefined when the vocabulary lacks it. */
  indexOf(word: string): number | undefined;
  /**
   * Estimated corpus probability of the word in `row`: the source lists words by frequency, so
   * Zipf's law gives p ≈ 1 / (rank · H).
   */
  probability(row: number): number;
  /** Cosine of two rows' vectors. */
  cosine(a: number, b: number): number;
  /** `target += weight · unit vector of row`. */
  addTo(target: Float64Array, row: number, weight: number): void;
}

export function createWordVectorTable(vectors: CompactVectors): WordVectorTable {
  const { dimensions, rows, inverseNorms, words } = vectors;
  const index = new Map<string, number>();
  for (let row = 0; row < words.length; row += 1) index.set(words[row] as string, row);
  return {
    dimensions,
    size: words.length,
    indexOf: (word) => index.get(word),
    probability: (row) => 1 / ((row + 1) * ZIPF_NORMALIZER),
    cosine(a, b) {
      const baseA = a * dimensions;
      const baseB = b * dimensions;
      let dot = 0;
      for (let k = 0; k < dimensions; k += 1) dot += (rows[baseA + k] ?? 0) * (rows[baseB + k] ?? 0);
      return dot * (inverseNorms[a] ?? 0) * (inverseNorms[b] ?? 0);
    },
    addTo(target, row, weight) {
      const base = row * dimensions;
      const scale = weight * (inverseNorms[row] ?? 0);
      for (let k = 0; k < dimensions; k += 1) target[k] = (target[k] ?? 0) + scale * (rows[base + k] ?? 0);
    },
  };
}
