import { userError } from '../../errors.ts';
import type { Embedder } from './embedder.ts';
import { HYBRID_PARAMETERS, neighboursOf, SENTENCE_FUSION_WEIGHT } from './ranking-parameters.ts';
import { fuseOnScale, reciprocalRankFusion, rankOrder, weightedScoreFusion } from './fusion.ts';
import { contentWords, createBm25Index, expandQuery, lexicalTerms, type WeightedTerm } from './lexical.ts';
import { collectDocumentWords, similaritiesTo, softMatchScores } from './soft-match.ts';
import { stem } from './stem.ts';
import { loadWordNetThesaurus } from './wordnet/load-wordnet-thesaurus.ts';
import type { WordNetThesaurus } from './wordnet/wordnet-thesaurus.ts';
import type { WordVectorEmbedder } from './word-vectors/create-word-vector-embedder.ts';

export interface SearchableTool {
  name: string;
  description: string;
}

/**
 * - `bm25`: field-weighted BM25 over stemmed content words.
 * - `bm25-expanded`: the same with each query word's closest document words added (word vectors).
 * - `vector`: cosine of the embedder's sentence vectors.
 * - `soft`: relaxed word mover's similarity (`softMatchScores`).
 * - `bm25-wordnet`: bm25 with each query word's WordNet synonyms, hypernyms and derived forms added at 0.3.
 * - `name-vector`: cosine of the query's sentence vector and the tool name's alone.
 * - `hybrid` (default): weighted min-max fusion of vector 1, soft 0.5, bm25-expanded 0.3,
 *   bm25-wordnet 0.3, name-vector 0.3.
 * - `hybrid-v1`: the earlier default, bm25-expanded 0.5, vector 1, soft 0.5.
 * - `hybrid-rrf`: reciprocal rank fusion of hybrid-v1's three.
 */
export type SearchMethod =
  | 'bm25'
  | 'bm25-expanded'
  | 'bm25-wordnet'
  | 'vector'
  | 'name-vector'
  | 'soft'
  | 'hybrid'
  | 'hybrid-v1'
  | 'hybrid-rrf'
  | 'sentence';

export interface SearchHit {
  name: string;
  score: number;
}

export interface MemorySearchIndex {
  /** Tools best first (all of them unless `limit`). */
  search(options: { query: string; limit?: number; signal?: AbortSignal }): Promise<SearchHit[]>;
}

/** Name words count twice a description word: a name is short and chosen to say what the tool is. */
const NAME_WEIGHT = 2;
const BM25 = HYBRID_PARAMETERS.bm25;
const EXPANSION = HYBRID_PARAMETERS.expansion;
/** WordNet relatives count less than the user's own words: one sense is guessed, hypernyms are broader. */
const WORDNET_WEIGHT = 0.3;
const FUSION = HYBRID_PARAMETERS.fusion;
const FUSION_V1 = HYBRID_PARAMETERS.fusionV1;
const WORDNET_METHODS: ReadonlySet<SearchMethod> = new Set(['bm25-wordnet', 'hybrid']);

/** One thesaurus per process: parsing even the cache takes ~100 ms. */
let defaultThesaurus: Promise<WordNetThesaurus> | undefined;
function loadDefaultThesaurus(signal?: AbortSignal): Promise<WordNetThesaurus> {
  defaultThesaurus ??= loadWordNetThesaurus(signal ? { signal } : {}).then(({ thesaurus }) => thesaurus);
  defaultThesaurus.catch(() => {
    defaultThesaurus = undefined;
  });
  return defaultThesaurus;
}

/**
 * Ranks a catalog in memory with the method measured best on MetaTool (see
 * bench/retrieval-metatool.ts). Vectors of the tools are computed once here; the registry stores them.
 *
 * @example
 * const index = await createMemorySearchIndex({ tools, embedder: createWordVectorEmbedder() });
 * const [best] = await index.search({ query: 'examine this spreadsheet', limit: 5 });
 */
export async function createMemorySearchIndex(options: {
  tools: readonly SearchableTool[];
  embedder: WordVectorEmbedder;
  method?: SearchMethod;
  /** WordNet relations for `bm25-wordnet` and `hybrid`; default: `loadWordNetThesaurus()` from the default cache. */
  thesaurus?: WordNetThesaurus;
  /**
   * A sentence encoder: needed by `sentence`; with `hybrid` its cosines are fused in at
   * `SENTENCE_FUSION_WEIGHT` (the registry's default search).
   */
  sentenceEncoder?: Embedder;
  /** The sentence encoder's share in `hybrid` (default `SENTENCE_FUSION_WEIGHT`); for tuning it. */
  sentenceWeight?: number;
  signal?: AbortSignal;
}): Promise<MemorySearchIndex> {
  const { tools, embedder, signal } = options;
  const method = options.method ?? 'hybrid';
  const thesaurus = WORDNET_METHODS.has(method) ? (options.thesaurus ?? (await loadDefaultThesaurus(signal))) : undefined;
  const table = await embedder.wordVectors(signal ? { signal } : {});
  const texts = tools.map((tool) => `${tool.name} ${tool.description}`);
  const bm25 = createBm25Index(
    tools.map((tool) => ({
      fields: [
        { terms: lexicalTerms(tool.name), weight: NAME_WEIGHT },
        { terms: lexicalTerms(tool.description), weight: 1 },
      ],
    })),
    BM25,
  );
  const vocabulary = collectDocumentWords({ documents: texts.map(contentWords), table });
  const toolVectors = await embedder.embed({ texts, ...(signal ? { signal } : {}) });
  const encoder = options.sentenceEncoder;
  if (method === 'sentence' && encoder === undefined) {
    throw userError('search_invalid', 'the sentence method needs a sentence encoder', 'pass sentenceEncoder: createSentenceEncoder()');
  }
  const useSentence = encoder !== undefined && (method === 'sentence' || method === 'hybrid');
  const sentenceVectors = useSentence ? await encoder.embed({ texts, ...(signal ? { signal } : {}) }) : [];
  const nameVectors = await embedder.embed({ texts: tools.map((tool) => tool.name), ...(signal ? { signal } : {}) });

  const lexicalScores = (terms: readonly WeightedTerm[]) => bm25.score(terms);
  const cosines = (vectors: readonly Float32Array[], queryVector: Float32Array) => vectors.map((vector) => dot(vector, queryVector));

  return {
    async search({ query, limit, signal: querySignal }) {
      const sentenceOf = async (text: string): Promise<Float32Array> => {
        const [vector] = await (encoder as Embedder).embed({ texts: [text], ...(querySignal ? { signal: querySignal } : {}) });
        return vector ?? new Float32Array((encoder as Embedder).dimensions);
      };
      const words = [...new Set(contentWords(query))];
      const [queryVector = new Float32Array(embedder.dimensions)] = await embedder.embed({
        texts: [query],
        ...(querySignal ? { signal: querySignal } : {}),
      });
      const similarities = new Map(words.map((word) => [word, similaritiesTo({ word, vocabulary, table })]));
      const expanded = () =>
        lexicalScores(
          expandQuery({
            words,
            neighbours: (word) => neighboursOf(similarities.get(word), vocabulary.words),
            ...EXPANSION,
          }),
        );
      const soft = () =>
        softMatchScores({
          vocabulary,
          querySimilarities: words.map((word) => similarities.get(word) ?? new Float64Array()),
          queryIdf: words.map((word) => bm25.idf(stem(word))),
        });

      const wordNet = () => lexicalScores(wordNetTerms(words, thesaurus));

      let scores: ArrayLike<number>;
      if (method === 'bm25') scores = lexicalScores(lexicalTerms(query).map((term) => ({ term, weight: 1 })));
      else if (method === 'bm25-expanded') scores = expanded();
      else if (method === 'bm25-wordnet') scores = wordNet();
      else if (method === 'vector') scores = cosines(toolVectors, queryVector);
      else if (method === 'name-vector') scores = cosines(nameVectors, queryVector);
      else if (method === 'soft') scores = soft();
      else if (method === 'sentence') scores = cosines(sentenceVectors, await sentenceOf(query));
      else if (method === 'hybrid') {
        scores = weightedScoreFusion([
          { scores: cosines(toolVectors, queryVector), weight: FUSION.vector },
          { scores: soft(), weight: FUSION.soft },
          { scores: expanded(), weight: FUSION.lexical },
          { scores: wordNet(), weight: FUSION.wordNet },
          { scores: cosines(nameVectors, queryVector), weight: FUSION.name },
        ]);
        if (useSentence) scores = fuseOnScale(scores, cosines(sentenceVectors, await sentenceOf(query)), options.sentenceWeight ?? SENTENCE_FUSION_WEIGHT);
      } else {
        const inputs = [
          { scores: expanded(), weight: FUSION_V1.lexical },
          { scores: cosines(toolVectors, queryVector), weight: FUSION_V1.vector },
          { scores: soft(), weight: FUSION_V1.soft },
        ];
        scores = method === 'hybrid-v1' ? weightedScoreFusion(inputs) : reciprocalRankFusion(inputs);
      }
      const order = rankOrder(scores);
      return order.slice(0, limit ?? order.length).map((i) => ({ name: tools[i]?.name ?? '', score: scores[i] ?? 0 }));
    },
  };
}

/** The user's words at weight 1 and their WordNet relatives at `WORDNET_WEIGHT`, stemmed. */
export function wordNetTerms(words: readonly string[], thesaurus: WordNetThesaurus | undefined): WeightedTerm[] {
  const weights = new Map<string, number>();
  for (const word of words) for (const related of thesaurus?.related(word) ?? []) weights.set(stem(related), WORDNET_WEIGHT);
  for (const word of words) weights.set(stem(word), 1);
  return [...weights].map(([term, weight]) => ({ term, weight }));
}


function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k += 1) sum += (a[k] ?? 0) * (b[k] ?? 0);
  return sum;
}
