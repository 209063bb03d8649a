import { z } from 'zod';
import { userError } from '../errors.ts';
import { createCandidateScorer } from './catalog-index.ts';
import { rankHits } from './rank-hits.ts';
import type { RegistrySearchResult } from './registry-port.ts';
import { contentWords, stem, type Embedder, type SearchMethod, type ThreadedVectorIndex, type VectorHit, type WordNetThesaurus, type WordVectorEmbedder } from './search/index.ts';
import { createSentenceIndex } from './sentence-index.ts';
import type { ToolStore, ToolSummary } from './store/index.ts';
import { hasValues, withoutValues } from './value-phrases.ts';

/** Candidates taken from each of pgvector and full-text search before re-scoring. */
export const CANDIDATES_PER_SOURCE = 50;

/**
 * Candidates the sentence channel's own scan adds to the others (which it scores in any case).
 * 20 rather than 50: MetaTool held-out is the same (top-1 0.546 / recall@5 0.786 against 0.547 /
 * 0.787), and fewer added tools means fewer summaries to read.
 */
export const SENTENCE_CANDIDATES = 20;

/**
 * Full-text candidates rank at most this many matching tools: past it, only the query's rarest words
 * are searched, and only this many of their matches ranked (see `ToolStore.searchCandidates`).
 * Ranking a match costs a few microseconds; small catalogs (the starter library, MetaTool) never reach it.
 */
export const TEXT_MATCH_BUDGET = 500;

const SearchInputSchema = z.object({
  query: z.string().trim().min(1, 'the query must not be empty'),
  limit: z.number().int().min(1).max(CANDIDATES_PER_SOURCE).default(5),
});

export interface RegistrySearch {
  search(options: { query: string; limit?: number; signal?: AbortSignal }): Promise<RegistrySearchResult>;
  /** Kept for callers that signal a catalog change; the search reads current state on every call. */
  invalidate(): void;
  /**
   * Loads what search keeps in memory (the sentence index) and waits for it. Optional: until it is
   * loaded, searches use the store's own scans; a server calls it at start-up, a benchmark before timing.
   */
  prepare(): Promise<void>;
}

/**
 * The sentence channel from the in-memory index: its nearest tools not already candidates, with
 * their summaries, and every candidate's similarity. Undefined when the index is not loaded or
 * failed; the store's own scan answers then.
 */
async function fromSentenceIndex(options: {
  store: ToolStore;
  nearestPending: Promise<{ index: ThreadedVectorIndex; vector: Float32Array; hits: VectorHit[] } | undefined> | undefined;
  known: readonly string[];
}): Promise<{ summaries: ToolSummary[]; similarities: Map<string, number> } | undefined> {
  const found = await options.nearestPending?.catch(() => undefined);
  if (found === undefined) return undefined;
  const knownNames = new Set(options.known);
  const added = found.hits.filter((hit) => !knownNames.has(hit.name));
  try {
    const [similarities, summaries] = await Promise.all([
      found.index.similarities(found.vector, options.known),
      added.length === 0 ? [] : options.store.summaries({ names: added.map((hit) => hit.name) }),
    ]);
    // A tool removed since the index was synced has no summary, and so is no candidate.
    for (const hit of added) similarities.set(hit.name, hit.similarity);
    return { summaries, similarities };
  } catch {
    return undefined;
  }
}

/**
 * Candidates from the store (nearest vectors ∪ full-text matches, `CANDIDATES_PER_SOURCE` each),
 * re-scored by the search layer's method (`createCandidateScorer`, default `hybrid`) with the
 * store's catalog-wide statistics, then ranked by the store's policy (`rankHits`). Only the sentence
 * vectors are held in memory (`sentence-index.ts`), and they are brought up to date from the
 * database before every search, so a change by anyone is seen at once.
 *
 * `method` exists for benchmarks (`toolsmith bench retrieval`); the registry uses the default.
 * `bm25` takes its candidates from full-text search alone, so it measures words without vectors.
 */
export function createRegistrySearch(options: {
  store: ToolStore;
  embedder: WordVectorEmbedder;
  method?: SearchMethod;
  thesaurus?: WordNetThesaurus;
  /**
   * The offline sentence encoder (`createSentenceEncoder`): its nearest tools join the candidates and
   * its cosines are fused into `hybrid` (and are all of `sentence`). Without it, words and word vectors only.
   */
  sentenceEncoder?: Embedder;
  /** Where the in-memory sentence index saves its copy between processes (`createSentenceIndex`'s `cacheFile`). */
  sentenceIndexFile?: string;
}): RegistrySearch {
  const { store, embedder, method, sentenceEncoder } = options;
  const usesSentence = sentenceEncoder !== undefined && (method === undefined || method === 'hybrid' || method === 'sentence');
  if (method === 'sentence' && sentenceEncoder === undefined) {
    throw userError('search_invalid', 'the sentence method needs a sentence encoder', 'pass sentenceEncoder: createSentenceEncoder()');
  }
  const sentenceIndex = usesSentence ? createSentenceIndex({ store, embedderId: sentenceEncoder.id, dimensions: sentenceEncoder.dimensions, ...(options.sentenceIndexFile === undefined ? {} : { cacheFile: options.sentenceIndexFile }) }) : undefined;
  const scorer = createCandidateScorer({ embedder, ...(options.thesaurus ? { thesaurus: options.thesaurus } : {}) });

  return {
    invalidate() {},
    async prepare() {
      await sentenceIndex?.ready();
    },
    async search(input) {
      const parsed = SearchInputSchema.safeParse({ query: input.query, limit: input.limit });
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => issue.message);
        throw userError('search_invalid', `invalid search: ${problems.join('; ')}`, `pass a non-empty query and a limit from 1 to ${CANDIDATES_PER_SOURCE}`);
      }
      const { query: asked, limit } = parsed.data;
      // Values are arguments, not the capability asked for: words and vectors are matched without
      // them, and the phrasing around them is matched separately (see `value-phrases.ts`).
      const query = withoutValues(asked);
      const phraseQuery = hasValues(asked) ? asked : undefined;
      const signal = input.signal;
      // The sentence encoder runs in its own thread: started first, it encodes while the in-memory
      // sentence index is brought up to date (its changes come with the search's first statement)
      // and the word candidates are fetched; the index then scans in its own thread too, and only
      // the store's scan (`sentenceCandidates`) waits for the words.
      const sentencePending = usesSentence ? sentenceEncoder.embed({ texts: [query], ...(signal ? { signal } : {}) }) : undefined;
      // Awaited below; if anything before that throws, its rejection must not go unhandled.
      sentencePending?.catch(() => {});
      const words = [...new Set(contentWords(query))];
      const syncPoint = sentencePending === undefined ? undefined : sentenceIndex?.syncPoint();
      const context = await store.searchContext({
        terms: words.map(stem),
        ...(syncPoint === undefined || sentenceEncoder === undefined ? {} : { changes: { embedderId: sentenceEncoder.id, ...syncPoint } }),
      });
      const { statistics: known, policy } = context;
      const indexPending =
        sentencePending === undefined ? undefined : sentenceIndex?.current(syncPoint === undefined || context.changes === undefined ? undefined : { since: syncPoint.since, changes: context.changes });
      const nearestPending =
        sentencePending === undefined || indexPending === undefined
          ? undefined
          : Promise.all([indexPending, sentencePending]).then(async ([index, [vector]]) =>
              index === undefined || vector === undefined ? undefined : { index, vector, hits: await index.nearest(vector, SENTENCE_CANDIDATES) },
            );
      nearestPending?.catch(() => {});
      const [queryVector = new Float32Array(embedder.dimensions)] = await embedder.embed({ texts: [query], ...(signal ? { signal } : {}) });
      const vector = Array.from(queryVector);
      // A query with no known word embeds to zeros, which has no cosine; full text may still match.
      // `bm25` is the lexical baseline: no vectors at all, candidates from full text only.
      const hasDirection = method !== 'bm25' && vector.some((value) => value !== 0);
      const found = await store.searchCandidates({
        embedderId: embedder.id,
        vector: hasDirection ? vector : null,
        query,
        words: words.map((word) => ({ word, documentFrequency: known.documentFrequency.get(stem(word)) ?? 0 })),
        limit: CANDIDATES_PER_SOURCE,
        textMatchBudget: TEXT_MATCH_BUDGET,
      });
      const { similarities } = found;
      let summaries = found.summaries;
      let sentenceSimilarities = new Map<string, number>();
      if (sentencePending !== undefined && sentenceEncoder !== undefined) {
        const candidateNames = summaries.map((summary) => summary.name);
        const sentence = (await fromSentenceIndex({ store, nearestPending, known: candidateNames })) ?? (await store.sentenceCandidates({
          embedderId: sentenceEncoder.id,
          vector: Array.from((await sentencePending)[0] ?? new Float32Array(sentenceEncoder.dimensions)),
          limit: SENTENCE_CANDIDATES,
          known: candidateNames,
        }));
        // By name, as the store returns each list: tied scores then fall the same way whichever channel found a tool.
        summaries = [...summaries, ...sentence.summaries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        sentenceSimilarities = sentence.similarities;
      }
      if (summaries.length === 0) return { hits: [], band: 'synthesize' };
      const candidates = summaries.map((summary) => ({ name: summary.name, description: summary.description }));
      const stems = new Set(words.map(stem));
      const more = (await scorer.termsFor({ query, candidates })).filter((term) => !stems.has(term));
      const extra = more.length > 0 ? await store.searchStatistics({ terms: more }) : known;
      const statistics = { ...extra, documentFrequency: new Map([...known.documentFrequency, ...extra.documentFrequency]) };
      const scores = await scorer.score({ query, queryVector, candidates, statistics, storedSimilarity: similarities, ...(usesSentence ? { sentenceSimilarity: sentenceSimilarities } : {}), ...(method ? { method } : {}), ...(phraseQuery === undefined ? {} : { phraseQuery }), ...(signal ? { signal } : {}) });
      const hits = rankHits({ scores, summaries: new Map(summaries.map((summary) => [summary.name, summary])), policy }).slice(0, limit);
      return { hits, band: hits[0]?.band ?? 'synthesize' };
    },
  };
}
