import type { SearchStatistics } from './store/index.ts';

/** Terms kept before the cache starts again: ~100 bytes each. */
const DEFAULT_MAX_TERMS = 50_000;

export interface FrequencyCache {
  /** Of `terms`, the frequencies known at `generation`, and the terms still to be read. */
  lookup(generation: number, terms: readonly string[]): { known: Map<string, number>; missing: string[] };
  /** Keeps what `statistics` says of `terms` (absent: held by no tool); a new generation forgets the old one's. */
  record(statistics: SearchStatistics, terms: readonly string[]): void;
}

/**
 * Document frequencies read by earlier searches, valid while the catalog's statistics stay at the
 * generation they were read at (`SearchStatistics.generation`). The terms a query's candidates
 * bring (expansions, WordNet's) recur from search to search: at 100k tools, reading them took a
 * statement in nearly every search, and with this in 1–4% of them after the first few hundred.
 */
export function createFrequencyCache(options: { maxTerms?: number } = {}): FrequencyCache {
  const maxTerms = options.maxTerms ?? DEFAULT_MAX_TERMS;
  let generation: number | undefined;
  let frequencies = new Map<string, number>();
  return {
    lookup(at, terms) {
      const known = new Map<string, number>();
      const missing: string[] = [];
      for (const term of terms) {
        const frequency = at === generation ? frequencies.get(term) : undefined;
        if (frequency === undefined) missing.push(term);
        else known.set(term, frequency);
      }
      return { known, missing };
    },
    record(statistics, terms) {
      if (statistics.generation !== generation || frequencies.size + terms.length > maxTerms) {
        generation = statistics.generation;
        frequencies = new Map();
      }
      for (const term of terms) frequencies.set(term, statistics.documentFrequency.get(term) ?? 0);
    },
  };
}
