import { createRequire } from 'node:module';
import type Lemmatizer from 'wink-lemmatizer';
import type { WordNetGraph } from './read-wordnet.ts';
import type { RelatedLines } from './sorted-related-lines.ts';

/**
 * Words WordNet relates to a lemma: for the most frequent sense of each part of speech, its synonyms,
 * its hypernyms ("spreadsheet" → program) and derivationally related forms (rent → renter).
 * Only the first sense: later senses are mostly noise for tool search (table → mesa, plateau).
 */
export interface WordNetThesaurus {
  /** Number of lemmas with related words. */
  readonly size: number;
  /** Related one-word lemmas of `word` (any inflected form: its lemmas are looked up), without the word itself. */
  related(word: string): string[];
}

/** Pointer symbols followed: hypernym, instance hypernym, derivationally related form. */
const FOLLOWED = new Set(['@', '@i', '+']);

/** lemma → related words, for every one-word lemma of the graph. */
export function relatedWordsOf(graph: WordNetGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [lemma, keys] of graph.senses) {
    const related = new Set<string>();
    const seenParts = new Set<string>();
    for (const key of keys) {
      const part = key.slice(0, 1);
      if (seenParts.has(part)) continue;
      seenParts.add(part);
      const synset = graph.synsets.get(key);
      if (!synset) continue;
      for (const word of synset.words) related.add(word);
      for (const pointer of synset.pointers) {
        if (!FOLLOWED.has(pointer.symbol)) continue;
        for (const word of graph.synsets.get(pointer.target)?.words ?? []) related.add(word);
      }
    }
    related.delete(lemma);
    if (related.size > 0) out.set(lemma, [...related]);
  }
  return out;
}

/**
 * wink-lemmatizer, required on first use: loading its word lists takes ~0.4 s and ~30 MB, which
 * a process that never searches (`toolsmith tools list`) should not pay for importing the registry.
 */
let lemmatizer: typeof Lemmatizer | undefined;
const lemmatizerNow = () => (lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as typeof Lemmatizer);

export function createWordNetThesaurus(relatedWords: RelatedLines): WordNetThesaurus {
  return {
    size: relatedWords.size,
    related(word) {
      const { noun, verb, adjective } = lemmatizerNow();
      const lemmas = new Set([word, noun(word), verb(word), adjective(word)]);
      const out = new Set<string>();
      for (const lemma of lemmas) for (const related of relatedWords.get(lemma) ?? []) out.add(related);
      for (const lemma of lemmas) out.delete(lemma);
      return [...out];
    },
  };
}
