import { stem } from './stem.ts';
import { STOP_WORDS } from './stop-words.ts';

/**
 * Lower-case words of `text`, with identifiers split first: `AppyPieAIAppBuilder` → appy pie ai
 * app builder, `pdf_exporter` → pdf exporter. Keeps stop words (sentence vectors weight them down).
 */
export function tokenize(text: string): string[] {
  const spaced = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[’']/g, '');
  return spaced.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
}

/** Tokens without stop words: what carries meaning. */
export function contentWords(text: string): string[] {
  return tokenize(text).filter((word) => !STOP_WORDS.has(word));
}

/** The terms lexical scoring matches on: content words, stemmed. */
export function lexicalTerms(text: string): string[] {
  return contentWords(text).map(stem);
}

/** A query term with a weight: 1 for the user's own words, below 1 for expansions. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** A document as weighted fields, e.g. `{ name: ['pdf', 'export'], description: [...] }` with name worth more. */
export interface LexicalDocument {
  fields: ReadonlyArray<{ terms: readonly string[]; weight: number }>;
}

export interface Bm25Options {
  /** Term-frequency saturation; short tool descriptions saturate early. */
  k1?: number;
  /** Length normalization (0 none, 1 full). */
  b?: number;
}

export interface Bm25Index {
  readonly size: number;
  /** Inverse document frequency of `term`; for a term no document has, the largest possible. */
  idf(term: string): number;
  /** One score per document, in index order. */
  score(query: readonly WeightedTerm[]): Float64Array;
}

/**
 * BM25 over field-weighted term frequencies (BM25F with one shared length normalization): a
 * name word counts `weight` times a description word.
 */
export function createBm25Index(documents: readonly LexicalDocument[], options: Bm25Options = {}): Bm25Index {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const frequencies: Array<Map<string, number>> = [];
  const lengths: number[] = [];
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    const counts = new Map<string, number>();
    let length = 0;
    for (const field of document.fields) {
      for (const term of field.terms) counts.set(term, (counts.get(term) ?? 0) + field.weight);
      length += field.terms.length * field.weight;
    }
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    frequencies.push(counts);
    lengths.push(length);
  }
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  const idfs = new Map<string, number>();
  for (const [term, df] of documentFrequency) {
    // The "+1" form keeps idf positive for terms in most documents.
    idfs.set(term, Math.log(1 + (documents.length - df + 0.5) / (df + 0.5)));
  }

  return {
    size: documents.length,
    idf: (term) => idfs.get(term) ?? Math.log(1 + (documents.length + 0.5) / 0.5),
    score(query) {
      const scores = new Float64Array(documents.length);
      for (const { term, weight } of query) {
        const idf = idfs.get(term);
        if (idf === undefined) continue;
        for (let i = 0; i < frequencies.length; i += 1) {
          const tf = frequencies[i]?.get(term);
          if (tf === undefined) continue;
          const norm = k1 * (1 - b + (b * (lengths[i] ?? 0)) / averageLength);
          scores[i] = (scores[i] ?? 0) + weight * idf * ((tf * (k1 + 1)) / (tf + norm));
        }
      }
      return scores;
    },
  };
}

/**
 * The user's words as stemmed terms of weight 1, plus for each word its closest document words
 * by meaning (`neighbours`, best first, with cosine similarity) at or above `threshold`, at most
 * `perWord`, weighted `weight × similarity`. "spreadsheet" then also matches "csv". A term keeps
 * its largest weight.
 */
export function expandQuery(options: {
  words: readonly string[];
  neighbours: (word: string) => ReadonlyArray<{ word: string; similarity: number }>;
  threshold: number;
  perWord: number;
  weight: number;
}): WeightedTerm[] {
  const weights = new Map<string, number>();
  const raise = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
  for (const word of options.words) raise(stem(word), 1);
  for (const word of options.words) {
    let taken = 0;
    for (const neighbour of options.neighbours(word)) {
      if (neighbour.similarity < options.threshold || taken >= options.perWord) break;
      raise(stem(neighbour.word), options.weight * neighbour.similarity);
      taken += 1;
    }
  }
  return [...weights].map(([term, weight]) => ({ term, weight }));
}
