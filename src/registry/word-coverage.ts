import { collectDocumentWords, contentWords, createBm25Index, lexicalTerms, similaritiesTo, stem, type DocumentWords, type WordVectorTable } from './search/index.ts';

/**
 * How much of a query's meaning a tool's wording covers, on an absolute scale: the idf-weighted
 * mean over the query's distinct content words of the squared cosine between the word and the
 * tool's closest word (1 for the same stem). Squaring keeps near-synonyms (cosine 0.8 → 0.64) and
 * mutes the loose association every pair of English words has (0.5 → 0.25). Words the catalog
 * never uses get the highest idf, so a request about something new scores low.
 *
 * Measured on the starter library: a correct top hit covers a median 0.68 of its query; off-topic
 * requests ("resize a png image", "book a flight to paris") 0.16–0.47.
 */
export interface WordCoverage {
  /** Coverage per tool, in catalog order, each in [0, 1]. */
  coverage(options: { query: string }): Float64Array;
}

/** `texts`: one per tool, what its vector embeds (`name description`). */
export function createWordCoverage(options: { texts: readonly string[]; table: WordVectorTable }): WordCoverage {
  const { table } = options;
  const vocabulary: DocumentWords = collectDocumentWords({ documents: options.texts.map(contentWords), table });
  const bm25 = createBm25Index(options.texts.map((text) => ({ fields: [{ terms: lexicalTerms(text), weight: 1 }] })));
  return {
    coverage({ query }) {
      const words = [...new Set(contentWords(query))];
      const idf = words.map((word) => bm25.idf(stem(word)));
      const total = idf.reduce((sum, value) => sum + value, 0);
      const out = new Float64Array(vocabulary.documents.length);
      if (total <= 0) return out;
      words.forEach((word, q) => {
        const similarities = similaritiesTo({ word, vocabulary, table });
        vocabulary.documents.forEach((ids, d) => {
          let best = 0;
          for (const id of ids) best = Math.max(best, similarities[id] ?? 0);
          out[d] = (out[d] ?? 0) + ((idf[q] ?? 0) * best * best) / total;
        });
      });
      return out.map((value) => Math.min(1, Math.max(0, value)));
    },
  };
}
