import { tokenize } from '../lexical.ts';
import { STOP_WORDS } from '../stop-words.ts';
import type { WordVectorTable } from './word-vector-table.ts';

/** Smooth inverse frequency: a word of probability p weighs a / (a + p). Measured best of 1e-2…1e-5. */
export const SIF_A = 1e-3;

/** Rows averaged to estimate the direction every sentence vector shares (frequent-word drift). */
const COMMON_DIRECTION_WORDS = 20_000;

export function sifWeight(table: WordVectorTable, row: number): number {
  return SIF_A / (SIF_A + table.probability(row));
}

/**
 * The SIF-weighted mean of the frequent words' vectors. Every sentence average leans toward it, which
 * makes unrelated sentences look alike; removing it from each vector is the "common component
 * removal" of SIF, estimated from the vocabulary instead of a corpus so that a text's vector does
 * not depend on what else is indexed.
 */
export function commonDirection(table: WordVectorTable): Float64Array {
  const direction = new Float64Array(table.dimensions);
  const rows = Math.min(COMMON_DIRECTION_WORDS, table.size);
  for (let row = 0; row < rows; row += 1) table.addTo(direction, row, sifWeight(table, row));
  return normalize(direction);
}

let scratch = new Float64Array(0);

/** Unit-length SIF sentence vector of `text`; all zeros when no word has a vector. */
export function sentenceVector(options: { table: WordVectorTable; common: Float64Array; text: string }): Float32Array {
  const { table, common } = options;
  // One sum reused across calls (this runs synchronously): a search embeds dozens of texts.
  if (scratch.length !== table.dimensions) scratch = new Float64Array(table.dimensions);
  const sum = scratch.fill(0);
  for (const word of tokenize(options.text)) {
    if (STOP_WORDS.has(word)) continue;
    const row = table.indexOf(word);
    if (row !== undefined) table.addTo(sum, row, sifWeight(table, row));
  }
  let projection = 0;
  for (let k = 0; k < sum.length; k += 1) projection += (sum[k] ?? 0) * (common[k] ?? 0);
  for (let k = 0; k < sum.length; k += 1) sum[k] = (sum[k] ?? 0) - projection * (common[k] ?? 0);
  return Float32Array.from(normalize(sum));
}

/** Scales `vector` to unit length in place (a zero vector stays zero); a search embeds dozens of texts, so no copies. */
function normalize(vector: Float64Array): Float64Array {
  let sumOfSquares = 0;
  for (let k = 0; k < vector.length; k += 1) sumOfSquares += (vector[k] ?? 0) ** 2;
  if (sumOfSquares === 0) return vector;
  const inverse = 1 / Math.sqrt(sumOfSquares);
  for (let k = 0; k < vector.length; k += 1) vector[k] = (vector[k] ?? 0) * inverse;
  return vector;
}
