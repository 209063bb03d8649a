import { userError } from '../errors.ts';
import { runTool, type Sandbox } from '../sandbox/index.ts';
import type { ToolManifest, ToolPackage } from '../tool-package/index.ts';
import { describeSuiteFailure, failingTests } from './failure-summary.ts';
import type { Registry, StarterMarker } from './registry-port.ts';
import { embeddedText } from './catalog-index.ts';
import { createRegistrySearch } from './registry-search.ts';
import { reindexTools } from './reindex-tools.ts';
import type { Embedder, WordVectorEmbedder } from './search/index.ts';
import { importStarterLibrary } from './starter-library.ts';
import type { Embedding, ToolRecord, ToolStore } from './store/index.ts';

export interface RegistryOptions {
  store: ToolStore;
  /** Embeds tools and queries; its word vectors also drive the hybrid re-scoring. */
  embedder: WordVectorEmbedder;
  /**
   * The embedder whose vectors are stored and searched (`TOOLSMITH_EMBEDDER`, see
   * `createEmbedderFromConfig`); default `embedder`. Tools also keep a word-vector vector.
   */
  vectorEmbedder?: Embedder;
  /**
   * The offline sentence encoder (`createSentenceEncoder`), fused into every search; its vector is
   * stored beside the others. Without it, search uses words and word vectors only.
   */
  sentenceEncoder?: Embedder;
  /** A folder for derived search indexes saved between processes (the in-memory vector indexes' copies); none without it. */
  indexCacheDir?: string;
  sandbox: Sandbox;
  /** Remembers the starter import; without one, only an empty store triggers it. */
  starterMarker?: StarterMarker;
}

/**
 * @example
 * const { store, close } = await openToolStore({ dataDir: config.home });
 * const registry = createRegistry({ store, embedder: createWordVectorEmbedder(), sandbox: createSandbox() });
 */
export function createRegistry(options: RegistryOptions): Registry {
  const { store, embedder, sandbox } = options;
  const vectorEmbedder = options.vectorEmbedder ?? embedder;
  const { sentenceEncoder } = options;
  const searcher = createRegistrySearch({
    store,
    embedder: searchEmbedder({ words: embedder, vectors: vectorEmbedder }),
    ...(sentenceEncoder === undefined ? {} : { sentenceEncoder }),
    ...(options.indexCacheDir === undefined ? {} : { indexCacheDir: options.indexCacheDir }),
  });
  // The word-vector vector is cheap and offline; keeping it means switching back needs no reindex.
  const embedders = [...new Map([vectorEmbedder, embedder, ...(sentenceEncoder === undefined ? [] : [sentenceEncoder])].map((each) => [each.id, each])).values()];

  const embed = async (manifest: ToolManifest, signal?: AbortSignal): Promise<Embedding[]> => {
    const embeddings: Embedding[] = [];
    for (const each of embedders) {
      const [vector] = await each.embed({ texts: [embeddedText(manifest)], ...(signal ? { signal } : {}) });
      if (vector !== undefined) embeddings.push({ embedderId: each.id, vector: Array.from(vector) });
    }
    return embeddings;
  };

  const currentPackage = async (name: string): Promise<{ pkg: ToolPackage; record: ToolRecord }> => {
    const record = await store.get({ name });
    return { record, pkg: { manifest: record.manifest, source: record.source, tests: record.tests } };
  };

  const registry: Registry = {
    async add({ pkg, experimental = false, reason, verified, signal }) {
      // A caller that has just run the suite (synthesis) passes it, so it does not run twice.
      const suite = verified ?? (await sandbox.verify({ pkg, ...(signal ? { signal } : {}) }));
      if (!suite.ok && !experimental) {
        const name = pkg.manifest.name;
        throw userError(
          'verification_failed',
          `${name} was not added: ${describeSuiteFailure(suite)}`,
          `fix the tool or its tests (toolsmith verify ${pkg.dir ?? '<dir>'}), or add it with --experimental to keep it unverified`,
          { tool: name, failingTests: failingTests(suite), totals: suite.totals, ...(suite.error ? { suiteError: suite.error } : {}) },
        );
      }
      const record = await store.addVersion({
        pkg,
        status: suite.ok ? 'verified' : 'experimental',
        ...(suite.ok ? {} : { statusReason: describeSuiteFailure(suite) }),
        testResults: suite,
        reason: reason ?? 'created',
        embeddings: await embed(pkg.manifest, signal),
      });
      searcher.invalidate();
      return record;
    },

    search: (searchOptions) => searcher.search(searchOptions),
    prepareSearch: () => searcher.prepare(),

    async ensureStarterLibrary(call) {
      const signal = call?.signal;
      const result = await importStarterLibrary({ store, add: registry.add, marker: options.starterMarker, ...(signal ? { signal } : {}) });
      // A library made before the sentence encoder (or with it off) gets its vectors once, here.
      if (sentenceEncoder !== undefined) await reindexTools({ store, embedder: sentenceEncoder, missingOnly: true, ...(signal ? { signal } : {}) });
      return result;
    },

    get: (getOptions) => store.get(getOptions),
    list: (listOptions) => store.list(listOptions),
    history: (historyOptions) => store.history(historyOptions),
    executions: (executionOptions) => store.executions(executionOptions),

    async rollback({ name, to }) {
      const target = await store.get({ name, version: to });
      const record = await store.rollback({ name, to, embeddings: await embed(target.manifest) });
      searcher.invalidate();
      return record;
    },

    async remove({ name }) {
      await store.remove({ name });
      searcher.invalidate();
    },

    async run({ name, args, signal }) {
      const { pkg, record } = await currentPackage(name);
      // Bad arguments throw here, before anything runs: the caller's mistake, not a tool execution.
      const outcome = await runTool({ sandbox, pkg, args, ...(signal ? { signal } : {}) });
      await store.recordExecution({
        name,
        version: record.version,
        success: outcome.ok,
        ...(outcome.ok ? {} : { error: `${outcome.error.code}: ${outcome.error.message}`.slice(0, 2000) }),
        durationMs: Math.max(0, outcome.durationMs),
      });
      return outcome;
    },

    async test({ name, signal }) {
      const { pkg, record } = await currentPackage(name);
      const suite = await sandbox.verify({ pkg, ...(signal ? { signal } : {}) });
      return { name, version: record.version, suite };
    },

    async reindex(call = {}) {
      const report = await reindexTools({ store, embedder: vectorEmbedder, ...call });
      // Sentence vectors do not depend on the configured embedder: only fill in the missing ones.
      if (sentenceEncoder !== undefined && sentenceEncoder.id !== vectorEmbedder.id) {
        await reindexTools({ store, embedder: sentenceEncoder, missingOnly: true, ...(call.signal ? { signal: call.signal } : {}) });
      }
      searcher.invalidate();
      // Only once every tool has its new vector: an interrupted reindex keeps the old copies.
      await searcher.dropOtherCaches();
      return report;
    },
  };
  return registry;
}

/**
 * What the search runs on: the vector embedder's id and vectors (store candidates and the hybrid
 * vector score) with the word vectors the hybrid re-scoring and similarity calibration need.
 */
function searchEmbedder(options: { words: WordVectorEmbedder; vectors: Embedder }): WordVectorEmbedder {
  const { words, vectors } = options;
  if (vectors === words) return words;
  return {
    id: vectors.id,
    get dimensions() {
      return vectors.dimensions;
    },
    embed: (call) => vectors.embed(call),
    wordVectors: (call) => words.wordVectors(call),
  };
}
