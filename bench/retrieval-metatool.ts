/**
 * Retrieval quality and latency of every search method on the MetaTool tool-selection set:
 * `node bench/retrieval-metatool.ts [--words 100000] [--cache-dir DIR]`. Methods were tuned on the
 * "tune" half; the "held-out" half is the honest figure.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { evaluateRetrieval, type RetrievalReport } from '../src/registry/search/evaluate.ts';
import { createMemorySearchIndex, type SearchMethod } from '../src/registry/search/memory-search-index.ts';
import { loadMetatool } from '../src/registry/search/metatool-eval-set.ts';
import { createWordVectorEmbedder } from '../src/registry/search/word-vectors/create-word-vector-embedder.ts';
import { createSentenceEncoder } from '../src/registry/search/sentence-encoder.ts';
import { loadWordNetThesaurus } from '../src/registry/search/wordnet/load-wordnet-thesaurus.ts';

const { values } = parseArgs({ options: { words: { type: 'string' }, 'cache-dir': { type: 'string' }, 'sentence-weights': { type: 'boolean' } } });
const vocabularySize = values.words === undefined ? undefined : Number(values.words);
const set = await loadMetatool();
const embedder = createWordVectorEmbedder({
  ...(vocabularySize === undefined ? {} : { vocabularySize }),
  ...(values['cache-dir'] === undefined ? {} : { cacheDir: values['cache-dir'] }),
});
const loadStarted = performance.now();
await embedder.wordVectors();
const loadMs = performance.now() - loadStarted;
const thesaurusStarted = performance.now();
const { thesaurus, built } = await loadWordNetThesaurus(values['cache-dir'] === undefined ? {} : { cacheDir: values['cache-dir'] });
const thesaurusMs = performance.now() - thesaurusStarted;

const format = (report: RetrievalReport) =>
  `top1 ${report.top1.toFixed(3)}  r@5 ${report.recallAt5.toFixed(3)}  mrr ${report.mrr.toFixed(3)}  p50 ${report.latencyP50Ms.toFixed(2)} ms  p95 ${report.latencyP95Ms.toFixed(2)} ms  n=${report.count}`;

console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} ×${cpus().length}, node ${process.version}; embedder ${embedder.id}; vectors ready in ${loadMs.toFixed(0)} ms; WordNet thesaurus (${thesaurus.size} lemmas) ${built ? 'built' : 'read from cache'} in ${thesaurusMs.toFixed(0)} ms`);
const sentenceEncoder = createSentenceEncoder();
const runs: Array<{ method: SearchMethod; label: string; withSentence: boolean }> = [
  ...(['bm25', 'bm25-expanded', 'bm25-wordnet', 'vector', 'name-vector', 'soft', 'hybrid-rrf', 'hybrid-v1', 'hybrid'] as const).map((method) => ({ method, label: method, withSentence: false })),
  { method: 'sentence', label: 'sentence', withSentence: true },
  { method: 'hybrid', label: 'hybrid+sentence', withSentence: true },
];
for (const { method, label, withSentence } of runs) {
  const index = await createMemorySearchIndex({ tools: set.catalog, embedder, method, thesaurus, ...(withSentence ? { sentenceEncoder } : {}) });
  const rank = async (query: string) => (await index.search({ query })).map((hit) => hit.name);
  const tune = await evaluateRetrieval({ catalog: set.catalog, queries: set.tune, rank });
  const heldOut = await evaluateRetrieval({ catalog: set.catalog, queries: set.heldOut, rank });
  const full = await evaluateRetrieval({ catalog: set.catalog, queries: set.queries, rank });
  console.log(`${label.padEnd(16)} tune:     ${format(tune)}`);
  console.log(`${''.padEnd(16)} held-out: ${format(heldOut)}`);
  console.log(`${''.padEnd(16)} full dev: ${format(full)}`);
}

if (values['sentence-weights'] === true) {
  // How the sentence encoder's share was chosen: best top-1 on the tune half; held-out shown for information.
  console.log('\nsentence weight   tune top1  tune r@5   held-out top1  held-out r@5');
  for (let step = 0; step <= 10; step++) {
    const sentenceWeight = step / 10;
    const index = await createMemorySearchIndex({ tools: set.catalog, embedder, method: 'hybrid', thesaurus, sentenceEncoder, sentenceWeight });
    const rank = async (query: string) => (await index.search({ query })).map((hit) => hit.name);
    const tune = await evaluateRetrieval({ catalog: set.catalog, queries: set.tune, rank });
    const heldOut = await evaluateRetrieval({ catalog: set.catalog, queries: set.heldOut, rank });
    console.log(`${sentenceWeight.toFixed(1).padStart(15)}   ${tune.top1.toFixed(3).padStart(9)}  ${tune.recallAt5.toFixed(3).padStart(8)}   ${heldOut.top1.toFixed(3).padStart(13)}  ${heldOut.recallAt5.toFixed(3).padStart(12)}`);
  }
}
