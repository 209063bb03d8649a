import {
  collectDocumentWords,
  contentWords,
  expandQuery,
  indexDocumentWords,
  lexicalTerms,
  loadWordNetThesaurus,
  reciprocalRankFusion,
  similaritiesTo,
  softMatchScores,
  stem,
  weightedScoreFusion,
  wordNetTerms,
  type DocumentWords,
  type SearchMethod,
  type WeightedTerm,
  type WordNetThesaurus,
  type WordVectorEmbedder,
  type WordVectorTable,
  HYBRID_PARAMETERS,
  SENTENCE_FUSION_WEIGHT,
  fuseOnScale,
  neighboursOf,
  rankOrder,
} from './search/index.ts';
import { SEARCH_NAME_WEIGHT, type SearchStatistics } from './store/index.ts';
import { descriptionPhrases, phraseMatch } from './value-phrases.ts';
import { wordCoverage } from './word-coverage.ts';

export interface CatalogTool {
  name: string;
  description: string;
}

export interface CatalogScores {
  /** The chosen method's relevance (default: the hybrid of vector, soft match, bm25-expanded, bm25-wordnet, name vector). */
  relevance: number;
  /** `wordCoverage` of the query by this tool. */
  coverage: number;
  /**
   * Set on the best candidate when the sentence encoder made it the best: words and word vectors
   * alone ranked another tool first. Such a top hit is not reused without a check (`rankHits`).
   */
  contested?: boolean;
}

// The same parameters as the search layer's in-memory index.
const BM25 = HYBRID_PARAMETERS.bm25;
const EXPANSION = HYBRID_PARAMETERS.expansion;
/** Just under the expansion threshold: `expandQuery` takes no neighbour below it, so none need be listed. */
const NEIGHBOUR_FLOOR = EXPANSION.threshold - 1e-9;
const FUSION = HYBRID_PARAMETERS.fusion;
const FUSION_V1 = HYBRID_PARAMETERS.fusionV1;
/**
 * Added to the hybrid relevance per unit of `phraseMatch` (not min-max normalized: the match is
 * absolute, and a small difference between candidates must stay small). Measured on
 * starter/requests-with-values.jsonl; it only acts on queries with values.
 */
const PHRASE_WEIGHT = 1.2;

/** The embedded text of a tool: what the registry stores vectors of. */
export function embeddedText(tool: { name: string; description: string }): string {
  return `${tool.name} ${tool.description}`;
}

/**
 * Re-scores a query's candidates (≈100, from pgvector and full-text search) with the search layer's
 * methods, reading catalog-wide state only as `SearchStatistics` (document frequencies, tool count,
 * mean length) kept by the store. Per-query work is bounded by the candidate count, not the catalog.
 *
 * It differs from ranking the whole catalog in memory in three measured-small ways: min-max fusion
 * normalizes over the candidates, query expansion and soft matching draw on the candidates' words
 * rather than every tool's, and soft matching's "better than average" weight averages over candidates.
 */
export interface CandidateScorer {
  /**
   * Does the work `score` needs of `candidates` whatever the query (their words, term counts and
   * name vectors, kept for this search's `termsFor` and `score`), so a search can do it while its
   * other channels still run.
   */
  prepare(options: { candidates: readonly CatalogTool[]; signal?: AbortSignal }): Promise<void>;
  /** The terms whose statistics `score` needs for this query and these candidates. */
  termsFor(options: { query: string; candidates: readonly CatalogTool[] }): Promise<string[]>;
  score(options: {
    query: string;
    queryVector: Float32Array;
    candidates: readonly CatalogTool[];
    statistics: SearchStatistics;
    /** Cosines of the candidates' stored vectors to the query (`ToolStore.searchCandidates`); the rest are embedded here. */
    storedSimilarity?: ReadonlyMap<string, number>;
    /**
     * The sentence encoder's cosines for the candidates (`searchCandidates`' sentence channel). When
     * given, the method's relevance is fused with them (`SENTENCE_FUSION_WEIGHT`); a candidate
     * without a sentence vector counts as the least similar.
     */
    sentenceSimilarity?: ReadonlyMap<string, number>;
    method?: SearchMethod;
    /**
     * The query as written, values included, when `query` is it with values left out
     * (`withoutValues`): the hybrid adds how well the phrasing around its values matches (`phraseMatch`).
     */
    phraseQuery?: string;
    signal?: AbortSignal;
  }): Promise<Map<string, CatalogScores>>;
}

const WORDNET_METHODS: ReadonlySet<SearchMethod> = new Set(['bm25-wordnet', 'hybrid']);

/** Per-process WordNet thesaurus: parsing even its cache takes ~100 ms. */
let sharedThesaurus: Promise<WordNetThesaurus> | undefined;
function defaultThesaurus(signal?: AbortSignal): Promise<WordNetThesaurus> {
  sharedThesaurus ??= loadWordNetThesaurus(signal ? { signal } : {}).then(({ thesaurus }) => thesaurus);
  sharedThesaurus.catch(() => {
    sharedThesaurus = undefined;
  });
  return sharedThesaurus;
}

/** What a candidate contributes to scoring, made once a search (see `createCandidateScorer`). */
interface ToolAnalysis {
  words: string[];
  /** Field-weighted term frequencies (name words count `SEARCH_NAME_WEIGHT`). */
  counts: Map<string, number>;
  length: number;
  vector?: Float32Array;
  nameVector?: Float32Array;
  /** `descriptionPhrases` of the description, computed when a query with values first needs it. */
  phrases?: ReadonlySet<string>;
}

const WORD_CACHE_SIZE = 100_000;

function analyseTool(tool: CatalogTool): ToolAnalysis {
  const nameWords = contentWords(tool.name);
  const descriptionWords = contentWords(tool.description);
  const counts = new Map<string, number>();
  for (const word of nameWords) counts.set(stem(word), (counts.get(stem(word)) ?? 0) + SEARCH_NAME_WEIGHT);
  for (const word of descriptionWords) counts.set(stem(word), (counts.get(stem(word)) ?? 0) + 1);
  return { words: [...nameWords, ...descriptionWords], counts, length: SEARCH_NAME_WEIGHT * nameWords.length + descriptionWords.length };
}

interface Analysis {
  words: string[];
  tools: ToolAnalysis[];
  vocabulary: DocumentWords;
  similarities: Float64Array[];
  expanded: WeightedTerm[];
  wordNet: WeightedTerm[];
}

export function createCandidateScorer(options: { embedder: WordVectorEmbedder; thesaurus?: WordNetThesaurus }): CandidateScorer {
  const { embedder } = options;
  const thesaurusFor = async (method: SearchMethod, signal?: AbortSignal) =>
    WORDNET_METHODS.has(method) ? (options.thesaurus ?? (await defaultThesaurus(signal))) : undefined;

  // Analyses live for one search: `prepare` makes the first candidates' (with their name vectors)
  // and the search's `analyse` takes them over. A cache across searches (20k, least recently used)
  // saved ~40 analyses a search at 100k tools, but every young-generation collection of the
  // search's thread then copied 2.7–3.6 MB of them (pauses of 9–14 ms); with analyses kept for one
  // search, and allocation-site pretenuring off (`young-objects.ts`), it copies ~0.5 MB (1–5 ms).
  let prepared = new Map<string, ToolAnalysis>();
  const analysesIn = (analyses: Map<string, ToolAnalysis>) => (tool: CatalogTool): ToolAnalysis => {
    const key = `${tool.name}\u0000${tool.description}`;
    let analysis = analyses.get(key);
    if (analysis === undefined) {
      analysis = analyseTool(tool);
      analyses.set(key, analysis);
    }
    return analysis;
  };
  /** Sentence vectors of the candidates' texts (`vector`) or names (`nameVector`), embedding only those not cached. */
  const vectorsOf = async (tools: readonly ToolAnalysis[], candidates: readonly CatalogTool[], field: 'vector' | 'nameVector', signal?: AbortSignal) => {
    const missing = tools.flatMap((analysis, i) => (analysis[field] === undefined ? [i] : []));
    if (missing.length > 0) {
      const texts = missing.map((i) => (field === 'vector' ? embeddedText(candidates[i] as CatalogTool) : (candidates[i] as CatalogTool).name));
      const vectors = await embedder.embed({ texts, ...(signal ? { signal } : {}) });
      missing.forEach((i, k) => {
        (tools[i] as ToolAnalysis)[field] = vectors[k];
      });
    }
    return tools.map((analysis) => analysis[field] ?? new Float32Array(embedder.dimensions));
  };

  /** Per word: its stem, vector row and SIF weight, as `collectDocumentWords` gives them. */
  const wordInfo = new Map<string, { stem: string; row: number; weight: number }>();
  /** Reads the stem, vector row and SIF weight of each of `words` not yet known to this scorer. */
  const learnWords = (words: Iterable<string>, table: WordVectorTable) => {
    const unknown: string[] = [];
    for (const word of words) if (!wordInfo.has(word)) unknown.push(word);
    if (unknown.length === 0) return;
    if (wordInfo.size + unknown.length > WORD_CACHE_SIZE) wordInfo.clear();
    const fresh = collectDocumentWords({ documents: [unknown], table });
    fresh.words.forEach((word, i) => wordInfo.set(word, { stem: fresh.stems[i] ?? word, row: fresh.rows[i] ?? -1, weight: fresh.weights[i] ?? 1 }));
  };
  /** `collectDocumentWords` of the candidates, reading each word's stem, row and weight once per scorer. */
  const candidateWords = (documents: ReadonlyArray<readonly string[]>, table: WordVectorTable): DocumentWords => {
    const { words, documents: indexed } = indexDocumentWords(documents);
    learnWords(words, table);
    const info = words.map((word) => wordInfo.get(word) ?? { stem: word, row: -1, weight: 1 });
    return {
      words,
      stems: info.map((entry) => entry.stem),
      rows: Int32Array.from(info, (entry) => entry.row),
      documents: indexed,
      weights: Float64Array.from(info, (entry) => entry.weight),
    };
  };

  const analyse = async (query: string, candidates: readonly CatalogTool[], signal?: AbortSignal): Promise<Analysis> => {
    const table = await embedder.wordVectors(signal ? { signal } : {});
    const words = [...new Set(contentWords(query))];
    const analyses = prepared;
    prepared = new Map();
    const tools = candidates.map(analysesIn(analyses));
    const vocabulary = candidateWords(tools.map((tool) => tool.words), table);
    const similarities = words.map((word) => similaritiesTo({ word, vocabulary, table }));
    const expanded = expandQuery({ words, neighbours: (word) => neighboursOf(similarities[words.indexOf(word)], vocabulary.words, NEIGHBOUR_FLOOR), ...EXPANSION });
    return { words, tools, vocabulary, similarities, expanded, wordNet: wordNetTerms(words, await thesaurusFor('hybrid', signal)) };
  };
  let last: { key: string; analysis: Promise<Analysis> } | undefined;
  // `termsFor` and `score` of one search analyse the same query and candidates; do it once.
  const analysisOf = (query: string, candidates: readonly CatalogTool[], signal?: AbortSignal) => {
    const key = `${query}\n${candidates.map((tool) => tool.name).join('\n')}`;
    if (last?.key !== key) last = { key, analysis: analyse(query, candidates, signal) };
    const { analysis } = last;
    analysis.catch(() => {
      if (last?.analysis === analysis) last = undefined;
    });
    return analysis;
  };

  return {
    async prepare({ candidates, signal }) {
      const table = await embedder.wordVectors(signal ? { signal } : {});
      prepared = new Map();
      const tools = candidates.map(analysesIn(prepared));
      learnWords(new Set(tools.flatMap((tool) => tool.words)), table);
      await vectorsOf(tools, candidates, 'nameVector', signal);
    },

    async termsFor({ query, candidates }) {
      const { expanded, wordNet } = await analysisOf(query, candidates);
      return [...new Set([...lexicalTerms(query), ...expanded.map((term) => term.term), ...wordNet.map((term) => term.term)])];
    },

    async score({ query, queryVector, candidates, statistics, storedSimilarity, sentenceSimilarity, method = 'hybrid', phraseQuery, signal }) {
      const { words, tools, vocabulary, similarities, expanded, wordNet } = await analysisOf(query, candidates, signal);
      const idf = (term: string) => {
        const df = statistics.documentFrequency.get(term) ?? 0;
        return Math.log(1 + (statistics.tools - df + 0.5) / (df + 0.5));
      };
      const lexical = candidateBm25({ tools, statistics, idf });
      const queryIdf = words.map((word) => idf(stem(word)));

      const memo = new Map<string, Promise<ArrayLike<number>>>();
      const once = (name: string, compute: () => Promise<ArrayLike<number>> | ArrayLike<number>) => {
        let scores = memo.get(name);
        if (scores === undefined) {
          scores = Promise.resolve(compute());
          memo.set(name, scores);
        }
        return scores;
      };
      const vector = () =>
        once('vector', async () => {
          const computed = storedSimilarity === undefined ? undefined : candidates.map((tool) => storedSimilarity.get(tool.name));
          if (computed !== undefined && computed.every((value) => value !== undefined)) return Float64Array.from(computed as number[]);
          const own = cosines(await vectorsOf(tools, candidates, 'vector', signal), queryVector);
          return Float64Array.from(own, (value, i) => computed?.[i] ?? value);
        });
      const nameVector = () => once('name', async () => cosines(await vectorsOf(tools, candidates, 'nameVector', signal), queryVector));
      const bm25Expanded = () => once('expanded', () => lexical(expanded));
      const soft = () => once('soft', () => softMatchScores({ vocabulary, querySimilarities: similarities, queryIdf }));
      const bm25WordNet = () => once('wordnet', () => lexical(wordNet));

      let relevance: ArrayLike<number>;
      // The index of a best candidate the sentence encoder put first over the words' choice, else -1.
      let contested = -1;
      if (method === 'bm25') relevance = lexical(lexicalTerms(query).map((term) => ({ term, weight: 1 })));
      else if (method === 'bm25-expanded') relevance = await bm25Expanded();
      else if (method === 'bm25-wordnet') relevance = await bm25WordNet();
      else if (method === 'vector') relevance = await vector();
      else if (method === 'name-vector') relevance = await nameVector();
      else if (method === 'soft') relevance = await soft();
      else if (method === 'sentence') relevance = sentenceScores(candidates, sentenceSimilarity);
      else if (method === 'hybrid') {
        const words = weightedScoreFusion([
          { scores: await vector(), weight: FUSION.vector },
          { scores: await soft(), weight: FUSION.soft },
          { scores: await bm25Expanded(), weight: FUSION.lexical },
          { scores: await bm25WordNet(), weight: FUSION.wordNet },
          { scores: await nameVector(), weight: FUSION.name },
        ]);
        const withPhrases = (scores: ArrayLike<number>): ArrayLike<number> => {
          if (phraseQuery === undefined) return scores;
          const fused = Float64Array.from(scores);
          tools.forEach((analysis, i) => {
            analysis.phrases ??= descriptionPhrases((candidates[i] as CatalogTool).description);
            fused[i] = (fused[i] ?? 0) + PHRASE_WEIGHT * phraseMatch({ query: phraseQuery, phrases: analysis.phrases });
          });
          return fused;
        };
        relevance = withPhrases(sentenceSimilarity === undefined ? words : fuseOnScale(words, sentenceScores(candidates, sentenceSimilarity), SENTENCE_FUSION_WEIGHT));
        if (sentenceSimilarity !== undefined) {
          // Compared on the final ranking: the phrasing around values can settle what the encoder tipped.
          const [fusedTop = -1] = rankOrder(relevance);
          contested = fusedTop !== rankOrder(withPhrases(words))[0] ? fusedTop : -1;
        }
      } else {
        const inputs = [
          { scores: await bm25Expanded(), weight: FUSION_V1.lexical },
          { scores: await vector(), weight: FUSION_V1.vector },
          { scores: await soft(), weight: FUSION_V1.soft },
        ];
        relevance = method === 'hybrid-v1' ? weightedScoreFusion(inputs) : reciprocalRankFusion(inputs);
      }
      const coverage = wordCoverage({ vocabulary, querySimilarities: similarities, queryIdf });
      const out = new Map<string, CatalogScores>();
      candidates.forEach((tool, i) => out.set(tool.name, { relevance: relevance[i] ?? 0, coverage: coverage[i] ?? 0, ...(i === contested ? { contested: true } : {}) }));
      return out;
    },
  };
}

/** The candidates' sentence cosines, in order; a candidate without one gets the lowest of the rest. */
function sentenceScores(candidates: readonly CatalogTool[], similarity: ReadonlyMap<string, number> | undefined): Float64Array {
  const values = candidates.map((tool) => similarity?.get(tool.name));
  const known = values.filter((value): value is number => value !== undefined);
  const floor = known.length === 0 ? 0 : Math.min(...known);
  return Float64Array.from(values, (value) => value ?? floor);
}

/**
 * BM25 over the candidates with the catalog's document frequencies and mean length: the scores the
 * whole-catalog index gives these tools (name words count `SEARCH_NAME_WEIGHT` times).
 */
function candidateBm25(options: {
  tools: readonly ToolAnalysis[];
  statistics: SearchStatistics;
  idf: (term: string) => number;
}): (query: readonly WeightedTerm[]) => Float64Array {
  const { tools, statistics, idf } = options;
  const averageLength = statistics.averageLength > 0 ? statistics.averageLength : 1;
  return (query) => {
    const scores = new Float64Array(tools.length);
    for (const { term, weight } of query) {
      const termIdf = idf(term);
      tools.forEach(({ counts, length }, i) => {
        const tf = counts.get(term);
        if (tf === undefined) return;
        const norm = BM25.k1 * (1 - BM25.b + (BM25.b * length) / averageLength);
        scores[i] = (scores[i] ?? 0) + weight * termIdf * ((tf * (BM25.k1 + 1)) / (tf + norm));
      });
    }
    return scores;
  };
}


function cosines(vectors: readonly Float32Array[], query: Float32Array): Float64Array {
  return Float64Array.from(vectors, (vector) => {
    let sum = 0;
    for (let k = 0; k < vector.length; k += 1) sum += (vector[k] ?? 0) * (query[k] ?? 0);
    return sum;
  });
}
