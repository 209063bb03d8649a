import { createHash } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { userError } from '../errors.ts';
import { createCandidateScorer } from './catalog-index.ts';
import { rankHits } from './rank-hits.ts';
import type { RegistrySearchResult } from './registry-port.ts';
import { contentWords, isForwardingEmbedder, stem, type Embedder, type SearchMethod, type WordNetThesaurus, type WordVectorEmbedder } from './search/index.ts';
import { fromMemoryIndex, scanned } from './vector-channel.ts';
import { createEmbeddingIndex } from './embedding-index.ts';
import { createFrequencyCache } from './frequency-cache.ts';
import { createTextIndex } from './text-index.ts';
import type { CandidateSummary, ToolStore } from './store/index.ts';
import { hasValues, withoutValues } from './value-phrases.ts';
import { keepSearchObjectsYoung } from './young-objects.ts';

/** Candidates taken from full-text search before re-scoring (and the most a search may return). */
export const CANDIDATES_PER_SOURCE = 50;

/**
 * Candidates the word vectors' nearest-neighbour channel adds. 20 rather than 50: MetaTool held-out
 * is the same with the sentence channel (0.546 / 0.786) and a little better without it (0.484 /
 * 0.721 against 0.482 / 0.717), tool choice is unchanged, and each added tool costs a summary read
 * and its re-scoring. None at all lost 1–4 points of top-1.
 */
export const WORD_VECTOR_CANDIDATES = 20;

/**
 * Candidates the sentence channel's own scan adds to the others (which it scores in any case).
 * 20 rather than 50: MetaTool held-out is the same (top-1 0.546 / recall@5 0.786 against 0.547 /
 * 0.787), and fewer added tools means fewer summaries to read.
 */
export const SENTENCE_CANDIDATES = 20;

/**
 * The full-text statement (which answers while the in-memory text copy loads, or if it failed)
 * ranks at most this many matching tools: past it, only the query's rarest words are searched, and
 * only this many of their matches ranked (see `ToolStore.searchCandidates`). Ranking a match costs
 * a few microseconds; small catalogs (the starter library, MetaTool) never reach it.
 */
export const TEXT_MATCH_BUDGET = 500;

/**
 * Searches `prepare` runs to warm a fresh process (see `prepare`). Only 100 was measured: after it,
 * a fresh process's first 200 searches at 100k tools had a p95 of 19.9 ms, against 26.6 without.
 */
const PREPARE_SEARCHES = 100;

const SearchInputSchema = z.object({
  query: z.string().trim().min(1, 'the query must not be empty'),
  limit: z.number().int().min(1).max(CANDIDATES_PER_SOURCE).default(5),
});

export interface RegistrySearch {
  search(options: { query: string; limit?: number; signal?: AbortSignal }): Promise<RegistrySearchResult>;
  /** Kept for callers that signal a catalog change; the search reads current state on every call. */
  invalidate(): void;
  /**
   * Loads what search keeps in memory (the word and sentence vector copies) and waits. Optional:
   * until they are loaded, searches use the store's own scans; a server calls it at start-up, a
   * benchmark before timing.
   */
  prepare(): Promise<void>;
  /**
   * Deletes the saved copies (`indexCacheDir`) of embedders this search no longer uses. For after a reindex to another embedder: each copy is ~2.4 KB a tool, and
   * switching back rebuilds it from the database. The sentence channel's copies are kept while the
   * encoder is off, since turning it on again reads them.
   */
  dropOtherCaches(): Promise<void>;
}

/** Where an in-memory index of `embedderId`'s vectors saves its copy: one file per embedder and channel. */
function cacheFileFor(dir: string | undefined, channel: 'words' | 'sentence', embedderId: string): string | undefined {
  return dir === undefined ? undefined : path.join(dir, `${channel}-${createHash('sha256').update(embedderId).digest('hex').slice(0, 16)}.bin`);
}

/** A saved copy's file name (`cacheFileFor`), with its channel. */
const CACHE_FILE_NAME = /^(words|sentence)-[0-9a-f]{16}\.bin$/;

/**
 * Candidates from three channels (full-text matches, `CANDIDATES_PER_SOURCE`; nearest word
 * vectors, `WORD_VECTOR_CANDIDATES`; nearest sentence vectors, `SENTENCE_CANDIDATES`), re-scored by
 * the search layer's method (`createCandidateScorer`, default `hybrid`) with the store's
 * catalog-wide statistics, then ranked by the store's policy (`rankHits`). Both kinds of vectors
 * are scanned in memory (`embedding-index.ts`, each in its own thread, while the full-text
 * statement runs), and the copies are brought up to date from the database before every search,
 * so a change by anyone is seen at once. While a copy loads, or if it fails, the store's HNSW scans answer instead.
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
  /** Where the in-memory indexes save their copies between processes (`createEmbeddingIndex`'s `cacheFile`); nowhere without it. */
  indexCacheDir?: string;
}): RegistrySearch {
  const { store, embedder, method, sentenceEncoder, indexCacheDir } = options;
  keepSearchObjectsYoung();
  const usesSentence = sentenceEncoder !== undefined && (method === undefined || method === 'hybrid' || method === 'sentence');
  if (method === 'sentence' && sentenceEncoder === undefined) {
    throw userError('search_invalid', 'the sentence method needs a sentence encoder', 'pass sentenceEncoder: createSentenceEncoder()');
  }
  const indexFor = (embedderId: string, dimensions: number, channel: 'words' | 'sentence') => {
    const cacheFile = cacheFileFor(indexCacheDir, channel, embedderId);
    return createEmbeddingIndex({ store, embedderId, dimensions, ...(cacheFile === undefined ? {} : { cacheFile }) });
  };
  const sentenceIndex = usesSentence ? indexFor(sentenceEncoder.id, sentenceEncoder.dimensions, 'sentence') : undefined;
  // Made on first use: a provider embedder may learn its dimensions from its first reply.
  let wordIndex: { dimensions: number; index: ReturnType<typeof createEmbeddingIndex> } | undefined;
  const wordIndexFor = (dimensions: number) => {
    if (method === 'bm25' || dimensions <= 0) return undefined;
    if (wordIndex?.dimensions !== dimensions) {
      wordIndex?.index.close();
      wordIndex = { dimensions, index: indexFor(embedder.id, dimensions, 'words') };
    }
    return wordIndex.index;
  };
  const textIndex = createTextIndex({ store });
  const frequencies = createFrequencyCache();
  const scorer = createCandidateScorer({ embedder, ...(options.thesaurus ? { thesaurus: options.thesaurus } : {}) });

  const registrySearch: RegistrySearch = {
    invalidate() {},
    async dropOtherCaches() {
      if (indexCacheDir === undefined) return;
      const inUse = new Set(
        [cacheFileFor(indexCacheDir, 'words', embedder.id), usesSentence ? cacheFileFor(indexCacheDir, 'sentence', sentenceEncoder.id) : undefined].map((file) => file && path.basename(file)),
      );
      for (const name of await readdir(indexCacheDir).catch(() => [])) {
        const channel = CACHE_FILE_NAME.exec(name)?.[1];
        if (channel === undefined || inUse.has(name) || (channel === 'sentence' && !usesSentence)) continue;
        await rm(path.join(indexCacheDir, name), { force: true });
      }
    },
    async prepare() {
      await Promise.all([wordIndexFor(embedder.dimensions)?.ready(), sentenceIndex?.ready(), textIndex.ready()]);
      // A fresh process searched ~3 ms slower at the median and ~10 ms at p95 until its code was
      // optimised (the compiler's threads then compete for the cores): searching for some of the
      // catalog's own tools gets that done before anyone waits on it. Searches write nothing.
      // Best effort: the first failure (the store closing under a server that stops) ends it.
      try {
        const tools = await store.list({ limit: PREPARE_SEARCHES });
        for (const tool of tools) await registrySearch.search({ query: tool.description.trim() || tool.name });
      } catch {
        return;
      }
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
      // indexes are brought up to date (their changes come with the search's first statement) and
      // the full-text candidates are fetched. When the sentence index is in service, the encoder
      // hands the vector straight to the index's thread, which scans while this one waits on the
      // database (PGlite runs on this thread, so a reply to it would wait for the statement).
      const sentencePoint = usesSentence ? sentenceIndex?.syncPoint() : undefined;
      const forwarding = sentencePoint !== undefined && sentenceEncoder !== undefined && isForwardingEmbedder(sentenceEncoder) ? sentenceEncoder : undefined;
      const channel = forwarding === undefined ? undefined : new MessageChannel();
      const sentencePending = !usesSentence
        ? undefined
        : forwarding !== undefined && channel !== undefined
          ? forwarding.embedForwarding({ text: query, port: channel.port1, ...(signal ? { signal } : {}) }).then((vector) => [vector])
          : sentenceEncoder.embed({ texts: [query], ...(signal ? { signal } : {}) });
      // Awaited below; if anything before that throws, its rejection must not go unhandled.
      sentencePending?.catch(() => {});
      // Until the sentence scan takes the channel's other end, a failure here must close it: else
      // the encoder's vector waits on it until the port is collected.
      let portTaken = channel === undefined;
      try {
        const words = [...new Set(contentWords(query))];
        const [queryVector = new Float32Array(embedder.dimensions)] = await embedder.embed({ texts: [query], ...(signal ? { signal } : {}) });
        // A query with no known word embeds to zeros, which has no cosine; full text may still match.
        // `bm25` is the lexical baseline: no vectors at all, candidates from full text only.
        const hasDirection = method !== 'bm25' && queryVector.some((value) => value !== 0);
        const wordVectors = hasDirection ? wordIndexFor(queryVector.length) : undefined;
        const wordPoint = wordVectors?.syncPoint();
        const requests = [
          ...(wordPoint === undefined ? [] : [{ embedderId: embedder.id, ...wordPoint }]),
          ...(sentencePoint === undefined || sentenceEncoder === undefined ? [] : [{ embedderId: sentenceEncoder.id, ...sentencePoint }]),
        ];
        const textPoint = textIndex.syncPoint();
        const context = await store.searchContext({ terms: words.map(stem), ...(requests.length === 0 ? {} : { changes: requests }), ...(textPoint === undefined ? {} : { textChanges: textPoint }) });
        const { statistics: known, policy } = context;
        frequencies.record(known, words.map(stem));
        const readAt = (point: { since: string } | undefined, at: number) => {
          const changes = point === undefined ? undefined : context.changes?.[at];
          return point === undefined || changes === undefined ? undefined : { since: point.since, changes };
        };
        const wordRead = readAt(wordPoint, 0);
        const sentenceRead = readAt(sentencePoint, wordPoint === undefined ? 0 : 1);
        const wordCopy = await wordVectors?.current(wordRead);
        const indexPending = sentencePending === undefined ? undefined : sentenceIndex?.current(sentenceRead);
        const textOptions = {
          query,
          words: words.map((word) => ({ word, documentFrequency: known.documentFrequency.get(stem(word)) ?? 0 })),
          limit: CANDIDATES_PER_SOURCE,
          textMatchBudget: TEXT_MATCH_BUDGET,
        };
        // The word vectors' HNSW scan runs in the statement only when their in-memory copy cannot answer.
        const candidatesFor = (vector: Float32Array) =>
          store.searchCandidates({ ...textOptions, embedderId: embedder.id, vector: Array.from(vector), vectorLimit: WORD_VECTOR_CANDIDATES });
        // Otherwise full text brings names only, and every channel's summaries are read together at the
        // end: one primary-key lookup instead of a join in each channel's statement.
        let found = hasDirection && wordCopy === undefined ? await candidatesFor(queryVector) : undefined;
        const textCopy = found === undefined ? await textIndex.current(textPoint === undefined || context.textChanges === undefined ? undefined : { since: textPoint.since, changes: context.textChanges }) : undefined;
        // From the in-memory copy, full-text candidates are known before the word scan is asked for,
        // so its one reply brings their similarities too. Else the scan runs during the statement.
        const memoryTextNames = textCopy?.search({ terms: [...new Set(words.map(stem))], limit: CANDIDATES_PER_SOURCE });
        const wordNearest = wordCopy === undefined ? undefined : scanned({ copy: wordCopy, vector: queryVector, asked: memoryTextNames ?? [], reply: wordCopy.nearestWith({ query: queryVector, limit: WORD_VECTOR_CANDIDATES, known: memoryTextNames ?? [] }) });
        wordNearest?.catch(() => {});
        const textNames = found !== undefined ? [] : (memoryTextNames ?? (await store.textMatches(textOptions)));
        let similarities = found?.similarities ?? new Map<string, number>();
        /** Candidates whose summaries are still to be read. */
        const unread = new Set(textNames);
        if (wordNearest !== undefined) {
          const fromWords = await fromMemoryIndex({ nearestPending: wordNearest, known: textNames });
          if (fromWords === undefined) {
            found = await candidatesFor(queryVector);
            similarities = found.similarities;
            unread.clear();
          } else {
            similarities = fromWords.similarities;
            for (const name of fromWords.added) unread.add(name);
          }
        }
        // The sentence scan is asked for with the candidates found so far, so its one reply brings
        // their similarities too; the encoder's vector waits on the channel until the thread reads it.
        const firstCandidates = [...(found?.summaries.map((summary) => summary.name) ?? []), ...unread];
        const sentenceNearest =
          sentencePending === undefined || indexPending === undefined
            ? undefined
            : indexPending.then(async (index) => {
                if (index === undefined) {
                  channel?.port2.close();
                  return undefined;
                }
                const vectorOf = async () => (await sentencePending)[0];
                if (channel !== undefined) {
                  return scanned({ copy: index, vector: vectorOf, asked: firstCandidates, reply: index.nearestFrom({ port: channel.port2, limit: SENTENCE_CANDIDATES, known: firstCandidates }) });
                }
                const vector = await vectorOf();
                return vector === undefined ? undefined : scanned({ copy: index, vector, asked: firstCandidates, reply: index.nearestWith({ query: vector, limit: SENTENCE_CANDIDATES, known: firstCandidates }) });
              });
        portTaken = true;
        sentenceNearest?.catch(() => {});
        let summaries: CandidateSummary[] = found?.summaries ?? [];
        const readUnread = async () => {
          if (unread.size === 0) return;
          // A tool removed since the copies were synced has no summary, and so is no candidate.
          summaries = [...summaries, ...(await store.summaries({ names: [...unread] }))];
          unread.clear();
        };
        // Read while the sentence encoder and its scan still run on their threads: then only the few
        // tools the sentence channel adds are read after it answers.
        await readUnread();
        // While the sentence channel still runs, the first candidates' query-independent scoring work.
        if (sentencePending !== undefined) await scorer.prepare({ candidates: summaries, ...(signal ? { signal } : {}) });
        let sentenceSimilarities = new Map<string, number>();
        if (sentencePending !== undefined && sentenceEncoder !== undefined) {
          const candidateNames = summaries.map((summary) => summary.name);
          const fromSentences = await fromMemoryIndex({ nearestPending: sentenceNearest, known: candidateNames });
          if (fromSentences === undefined) {
            const sentence = await store.sentenceCandidates({
              embedderId: sentenceEncoder.id,
              vector: Array.from((await sentencePending)[0] ?? new Float32Array(sentenceEncoder.dimensions)),
              limit: SENTENCE_CANDIDATES,
              known: candidateNames,
            });
            summaries = [...summaries, ...sentence.summaries];
            sentenceSimilarities = sentence.similarities;
          } else {
            for (const name of fromSentences.added) unread.add(name);
            sentenceSimilarities = fromSentences.similarities;
          }
        }
        await readUnread();
        // By name, as the store returns each list: tied scores then fall the same way whichever channel found a tool.
        summaries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (summaries.length === 0) return { hits: [], band: 'synthesize' };
        const candidates = summaries.map((summary) => ({ name: summary.name, description: summary.description }));
        const stems = new Set(words.map(stem));
        const more = (await scorer.termsFor({ query, candidates })).filter((term) => !stems.has(term));
        const cached = frequencies.lookup(known.generation, more);
        const extra = cached.missing.length > 0 ? await store.searchStatistics({ terms: cached.missing }) : known;
        if (extra !== known) frequencies.record(extra, cached.missing);
        // Absent means held by no tool, as the store reports it.
        const fromCache = [...cached.known].filter(([, frequency]) => frequency > 0);
        const statistics = { ...extra, documentFrequency: new Map([...known.documentFrequency, ...fromCache, ...extra.documentFrequency]) };
        const scores = await scorer.score({ query, queryVector, candidates, statistics, storedSimilarity: similarities, ...(usesSentence ? { sentenceSimilarity: sentenceSimilarities } : {}), ...(method ? { method } : {}), ...(phraseQuery === undefined ? {} : { phraseQuery }), ...(signal ? { signal } : {}) });
        const hits = rankHits({ scores, summaries: new Map(summaries.map((summary) => [summary.name, summary])), policy }).slice(0, limit);
        return { hits, band: hits[0]?.band ?? 'synthesize' };
      } catch (error) {
        if (!portTaken) channel?.port2.close();
        throw error;
      }
    },
  };
  return registrySearch;
}
