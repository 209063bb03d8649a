import { stem } from './stem.ts';
import type { WordVectorTable } from './word-vectors/word-vector-table.ts';
import { sifWeight } from './word-vectors/sentence-vector.ts';

/** The distinct content words of all documents, and which of them each document holds. */
export interface DocumentWords {
  words: string[];
  stems: string[];
  /** Row in the word-vector table, or -1 when the word has no vector. */
  rows: Int32Array;
  /** Per document: indexes into `words`. */
  documents: Int32Array[];
  /** Per word: its SIF weight (1 when it has no vector: rare words carry the most). */
  weights: Float64Array;
}

/**
 * The distinct words of all documents, and each document's distinct words as indexes into them, in
 * first-seen order. The documents' lists are views of one array: a Set and an array per document
 * were a tenth of a search's garbage on the main thread.
 */
export function indexDocumentWords(documents: ReadonlyArray<readonly string[]>): { words: string[]; documents: Int32Array[] } {
  const ids = new Map<string, number>();
  const words: string[] = [];
  /** Per id: the last document that took it. */
  const takenBy: number[] = [];
  const flat = new Int32Array(documents.reduce((sum, documentWords) => sum + documentWords.length, 0));
  const ends = new Int32Array(documents.length);
  let count = 0;
  documents.forEach((documentWords, d) => {
    for (const word of documentWords) {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
      }
      if (takenBy[id] === d) continue;
      takenBy[id] = d;
      flat[count] = id;
      count += 1;
    }
    ends[d] = count;
  });
  return { words, documents: documents.map((_, d) => flat.subarray(d === 0 ? 0 : ends[d - 1], ends[d])) };
}

export function collectDocumentWords(options: { documents: ReadonlyArray<readonly string[]>; table: WordVectorTable }): DocumentWords {
  const { words, documents } = indexDocumentWords(options.documents);
  const rows = Int32Array.from(words, (word) => options.table.indexOf(word) ?? -1);
  const weights = Float64Array.from(rows, (row) => (row < 0 ? 1 : sifWeight(options.table, row)));
  return { words, stems: words.map(stem), rows, documents, weights };
}

/** Similarity of `word` to every document word: 1 for the same stem, else the cosine of their vectors (0 without one). */
export function similaritiesTo(options: { word: string; vocabulary: DocumentWords; table: WordVectorTable }): Float64Array {
  const { vocabulary, table } = options;
  const row = table.indexOf(options.word);
  const wordStem = stem(options.word);
  const out = new Float64Array(vocabulary.words.length);
  for (let j = 0; j < out.length; j += 1) {
    const other = vocabulary.rows[j] ?? -1;
    if (vocabulary.stems[j] === wordStem) out[j] = 1;
    else if (row !== undefined && other >= 0) out[j] = table.cosine(row, other);
  }
  return out;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_SIMILARITIES = new Float64Array(0);

/** Sharpening exponent: a near-synonym (cosine 0.8) keeps half its credit, a loose association (0.4) almost none. */
const SHARPNESS = 3;
/** Share of the score from the document side (how much of the tool's own wording the query covers). */
const DOCUMENT_SIDE = 0.3;

function credit(similarity: number): number {
  return similarity > 0 ? similarity ** SHARPNESS : 0;
}

/**
 * A relaxed word mover's similarity: each query word travels to its closest document word, credit
 * `max(0, cosine)³`, weighted by the word's idf times how much better its best document matches than
 * its average one (a word that matches everything equally, "city" against every place, decides
 * nothing); plus, at 0.3, the same from the document's words toward the query. Scores are in [0, 1.3].
 */
export function softMatchScores(options: {
  vocabulary: DocumentWords;
  /** One row per distinct query word: `similaritiesTo` of it. */
  querySimilarities: readonly Float64Array[];
  queryIdf: readonly number[];
}): Float64Array {
  const { vocabulary, querySimilarities } = options;
  const documentCount = vocabulary.documents.length;
  const queryCount = querySimilarities.length;
  // Indexed loops over typed arrays, no per-element closures: this runs for every candidate word
  // of every search, and closures and for…of box each double they hand on (garbage on the search's thread).
  /** `best[q * documentCount + d]`: query word q's closest word in document d. */
  const best = new Float64Array(queryCount * documentCount);
  const weights = new Float64Array(queryCount);
  let totalWeight = 0;
  for (let q = 0; q < queryCount; q += 1) {
    const similarities = querySimilarities[q] ?? EMPTY_SIMILARITIES;
    let top = 0;
    let sum = 0;
    for (let d = 0; d < documentCount; d += 1) {
      const ids = vocabulary.documents[d] ?? EMPTY_IDS;
      let max = 0;
      for (let i = 0; i < ids.length; i += 1) max = Math.max(max, similarities[ids[i] ?? 0] ?? 0);
      best[q * documentCount + d] = max;
      top = Math.max(top, max);
      sum += max;
    }
    const weight = (options.queryIdf[q] ?? 0) * Math.max(0, top - sum / Math.max(1, documentCount));
    weights[q] = weight;
    totalWeight += weight;
  }
  // Each vocabulary word's closest query word, shared by every document holding it.
  const wordCredit = new Float64Array(vocabulary.words.length);
  for (let id = 0; id < wordCredit.length; id += 1) {
    let max = 0;
    for (let q = 0; q < queryCount; q += 1) max = Math.max(max, querySimilarities[q]?.[id] ?? 0);
    wordCredit[id] = credit(max);
  }

  const scores = new Float64Array(documentCount);
  for (let d = 0; d < documentCount; d += 1) {
    let querySide = 0;
    for (let q = 0; q < queryCount; q += 1) querySide += (weights[q] ?? 0) * credit(best[q * documentCount + d] ?? 0);
    let documentSide = 0;
    let documentWeight = 0;
    const ids = vocabulary.documents[d] ?? EMPTY_IDS;
    for (let i = 0; i < ids.length; i += 1) {
      const id = ids[i] ?? 0;
      const weight = vocabulary.weights[id] ?? 1;
      documentSide += weight * (wordCredit[id] ?? 0);
      documentWeight += weight;
    }
    scores[d] = (totalWeight > 0 ? querySide / totalWeight : 0) + DOCUMENT_SIDE * (documentWeight > 0 ? documentSide / documentWeight : 0);
  }
  return scores;
}
