import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../../errors.ts';
import { hnswIndexName, vectorSearchSql } from './embedder-index.ts';
import { migrate } from './migrate.ts';
import type { SqlClient } from './sql-client.ts';
import { axisVector, makePackage, makeSuite } from './test-support/fixtures.ts';
import type { ToolStore } from './tool-store-port.ts';
import { SESSION_EF_SEARCH, VECTOR_SCAN_SESSION_SETUP } from './vector-scan.ts';

export interface OpenedStore {
  store: ToolStore;
  sql: SqlClient;
  close(): Promise<void>;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(ToolsmithError.isInstance(error)).toBe(true);
    return (error as ToolsmithError).code;
  }
  throw new Error('expected a ToolsmithError');
}

/**
 * The `ToolStore` contract, run against every engine. All cases share one database; each uses its
 * own tool names and embedder ids so they do not see each other.
 */
export function defineToolStoreContract(options: { engine: string; open: () => Promise<OpenedStore> }): void {
  describe(`ToolStore contract (${options.engine})`, () => {
    let opened: OpenedStore;
    let store: ToolStore;
    beforeAll(async () => {
      opened = await options.open();
      store = opened.store;
    });
    afterAll(async () => {
      await opened?.close();
    });

    it('returns what was added: manifest, code, tests, status, test results', async () => {
      const pkg = makePackage({ name: 'round_trip', description: 'Round trips a value.' });
      const added = await store.addVersion({ pkg, status: 'verified', testResults: makeSuite({ passed: 2 }), reason: 'created', embeddings: [] });
      const got = await store.get({ name: 'round_trip' });
      expect(got).toEqual(added);
      expect(got.manifest).toEqual(pkg.manifest);
      expect(got.source).toBe(pkg.source);
      expect(got.tests).toBe(pkg.tests);
      expect(got).toMatchObject({ version: '1.0.0', currentVersion: '1.0.0', isCurrent: true, status: 'verified', statusReason: null, reason: 'created' });
      expect(got.testResults?.totals).toEqual({ total: 2, passed: 2, failed: 0, skipped: 0 });
      expect(got.stats).toEqual({ uses: 0, successes: 0, failures: 0, successRate: null, lastUsedAt: null });
    });

    it('keeps the order of manifest keys, which is the order parameters are phrased in', async () => {
      const pkg = makePackage({ name: 'ordered_params', description: 'Converts a value between units.' });
      const properties = { value: { type: 'number' }, from: { type: 'string' }, to: { type: 'string' } };
      pkg.manifest = { ...pkg.manifest, parameters: { type: 'object', properties, required: ['value', 'from', 'to'] } };
      await store.addVersion({ pkg, status: 'verified', reason: 'created', embeddings: [] });
      const got = await store.get({ name: 'ordered_params' });
      expect(Object.keys(got.manifest.parameters.properties)).toEqual(['value', 'from', 'to']);
      expect(Object.keys(got.manifest)).toEqual(Object.keys(pkg.manifest));
    });

    it('appends versions, makes the newest current and lists history newest first', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'versioned' }), status: 'experimental', statusReason: 'no tests ran', reason: 'imported', embeddings: [] });
      await store.addVersion({
        pkg: makePackage({ name: 'versioned', version: '1.1.0' }),
        status: 'verified',
        testResults: makeSuite({ passed: 3 }),
        reason: 'repaired: handles empty input',
        embeddings: [],
      });
      expect((await store.get({ name: 'versioned' })).version).toBe('1.1.0');
      expect((await store.get({ name: 'versioned', version: '1.0.0' })).isCurrent).toBe(false);
      const history = await store.history({ name: 'versioned' });
      expect(history.map((entry) => [entry.version, entry.reason, entry.status, entry.isCurrent])).toEqual([
        ['1.1.0', 'repaired: handles empty input', 'verified', true],
        ['1.0.0', 'imported', 'experimental', false],
      ]);
      expect(history[0]?.testTotals).toEqual({ total: 3, passed: 3, failed: 0, skipped: 0 });
      expect(history[1]?.testTotals).toBeNull();
      expect(history[1]?.statusReason).toBe('no tests ran');
      const listed = await store.list({ status: 'verified' });
      expect(listed.map((tool) => tool.name)).toContain('versioned');
      expect((await store.list({ status: 'experimental' })).map((tool) => tool.name)).not.toContain('versioned');
    });

    it('refuses a version that exists and writes nothing', async () => {
      const vector = axisVector({ dimensions: 4, axis: 0 });
      await store.addVersion({ pkg: makePackage({ name: 'duplicate_me' }), status: 'verified', reason: 'created', embeddings: [{ embedderId: 'dup-test', vector }] });
      const before = await store.get({ name: 'duplicate_me' });
      const changed = makePackage({ name: 'duplicate_me', description: 'A different description entirely.' });
      let caught: unknown;
      try {
        await store.addVersion({ pkg: changed, status: 'experimental', reason: 'again', embeddings: [{ embedderId: 'dup-test', vector: axisVector({ dimensions: 4, axis: 2 }) }] });
      } catch (error) {
        caught = error;
      }
      expect(ToolsmithError.isInstance(caught) && caught.code === 'version_exists' && caught.kind === 'user').toBe(true);
      expect((caught as ToolsmithError).hint).toContain('1.0.1');
      expect(await store.get({ name: 'duplicate_me' })).toEqual(before);
      expect(await store.history({ name: 'duplicate_me' })).toHaveLength(1);
      const hits = await store.vectorSearch({ embedderId: 'dup-test', vector, limit: 1 });
      expect(hits[0]?.similarity).toBeCloseTo(1, 5);
    });

    it('leaves nothing behind when addVersion fails midway', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'midway_other' }), status: 'verified', reason: 'created', embeddings: [{ embedderId: 'midway-3d', vector: [1, 0, 0] }] });
      // The second embedding has the wrong length for its embedder: refused after the tool and version rows were written.
      const code = await codeOf(
        store.addVersion({
          pkg: makePackage({ name: 'midway_fails' }),
          status: 'verified',
          reason: 'created',
          embeddings: [
            { embedderId: 'midway-new', vector: [1, 2] },
            { embedderId: 'midway-3d', vector: [1, 0, 0, 0] },
          ],
        }),
      );
      expect(code).toBe('embedding_dimensions_mismatch');
      expect(await codeOf(store.get({ name: 'midway_fails' }))).toBe('tool_not_found');
      const { rows } = await opened.sql.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM tool_versions WHERE tool_name = 'midway_fails')::int
              + (SELECT count(*) FROM embedders WHERE id = 'midway-new')::int
              + (SELECT count(*) FROM pg_indexes WHERE indexname = $1::text)::int AS n`,
        [hnswIndexName('midway-new')],
      );
      expect(rows[0]?.n).toBe(0);
    });

    it('rolls back by moving the current pointer and re-indexes text', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'roll_me', description: 'Counts pebbles.' }), status: 'verified', reason: 'created', embeddings: [{ embedderId: 'roll-test', vector: [1, 0, 0] }] });
      await store.addVersion({
        pkg: makePackage({ name: 'roll_me', version: '2.0.0', description: 'Counts marbles.' }),
        status: 'experimental',
        statusReason: '1 test failed',
        reason: 'repaired: counts marbles',
        embeddings: [{ embedderId: 'roll-test', vector: [0, 1, 0] }],
      });
      expect((await store.textSearch({ query: 'pebbles', limit: 5 })).map((hit) => hit.name)).not.toContain('roll_me');
      const rolled = await store.rollback({ name: 'roll_me', to: '1.0.0' });
      expect(rolled).toMatchObject({ version: '1.0.0', currentVersion: '1.0.0', status: 'verified' });
      expect((await store.history({ name: 'roll_me' })).map((entry) => [entry.version, entry.isCurrent])).toEqual([
        ['2.0.0', false],
        ['1.0.0', true],
      ]);
      expect((await store.textSearch({ query: 'pebbles', limit: 5 })).map((hit) => hit.name)).toContain('roll_me');
      // The 2.0.0 vector described other text, so it is dropped until reindexed.
      expect(await store.embeddingsMissing({ embedderId: 'roll-test' })).toContain('roll_me');
      await store.setEmbeddings({ name: 'roll_me', embeddings: [{ embedderId: 'roll-test', vector: [1, 0, 0] }] });
      expect(await store.embeddingsMissing({ embedderId: 'roll-test' })).not.toContain('roll_me');
      expect(await codeOf(store.rollback({ name: 'roll_me', to: '9.9.9' }))).toBe('version_not_found');
    });

    it('removes a tool with its versions, vectors and executions', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'remove_me' }), status: 'verified', reason: 'created', embeddings: [{ embedderId: 'remove-test', vector: [1, 1] }] });
      await store.recordExecution({ name: 'remove_me', version: '1.0.0', success: true, durationMs: 3 });
      await store.remove({ name: 'remove_me' });
      expect(await codeOf(store.get({ name: 'remove_me' }))).toBe('tool_not_found');
      expect(await store.vectorSearch({ embedderId: 'remove-test', vector: [1, 1], limit: 5 })).toEqual([]);
      const { rows } = await opened.sql.query<{ n: number }>(
        `SELECT ((SELECT count(*) FROM tool_versions WHERE tool_name = 'remove_me') + (SELECT count(*) FROM executions WHERE tool_name = 'remove_me'))::int AS n`,
      );
      expect(rows[0]?.n).toBe(0);
      let caught: unknown;
      await store.remove({ name: 'remove_me' }).catch((error: unknown) => (caught = error));
      expect(ToolsmithError.isInstance(caught) && caught.code === 'tool_not_found' && caught.hint?.includes('toolsmith tools list')).toBe(true);
    });

    it('logs executions and derives uses and success rate', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'counted' }), status: 'verified', reason: 'created', embeddings: [] });
      await store.recordExecution({ name: 'counted', version: '1.0.0', success: true, durationMs: 2 });
      await store.recordExecution({ name: 'counted', version: '1.0.0', success: true, durationMs: 4 });
      await store.recordExecution({ name: 'counted', version: '1.0.0', success: false, error: 'boom', durationMs: 1 });
      const stats = await store.stats({ name: 'counted' });
      expect(stats).toMatchObject({ uses: 3, successes: 2, failures: 1 });
      expect(stats.successRate).toBeCloseTo(2 / 3);
      expect(stats.lastUsedAt).toBeInstanceOf(Date);
      const { rows } = await opened.sql.query<{ error: string | null }>(`SELECT error FROM executions WHERE tool_name = 'counted' ORDER BY id`);
      expect(rows.map((row) => row.error)).toEqual([null, null, 'boom']);
      expect(await codeOf(store.recordExecution({ name: 'never_made', version: '1.0.0', success: true, durationMs: 1 }))).toBe('tool_not_found');
    });

    it('reads executions back newest first, with the version that ran, and honours the limit', async () => {
      await store.addVersion({ pkg: makePackage({ name: 'exec_log' }), status: 'verified', reason: 'created', embeddings: [] });
      expect(await store.executions({ name: 'exec_log' })).toEqual([]);
      await store.recordExecution({ name: 'exec_log', version: '1.0.0', success: true, durationMs: 2.5 });
      await store.addVersion({ pkg: makePackage({ name: 'exec_log', version: '1.0.1' }), status: 'verified', reason: 'repaired: x', embeddings: [] });
      await store.recordExecution({ name: 'exec_log', version: '1.0.1', success: false, error: 'tool_threw: boom', durationMs: 7 });
      await store.recordExecution({ name: 'exec_log', version: '1.0.1', success: true, durationMs: 1 });
      const all = await store.executions({ name: 'exec_log' });
      expect(all.map(({ version, success, error, durationMs }) => ({ version, success, error, durationMs }))).toEqual([
        { version: '1.0.1', success: true, error: null, durationMs: 1 },
        { version: '1.0.1', success: false, error: 'tool_threw: boom', durationMs: 7 },
        { version: '1.0.0', success: true, error: null, durationMs: 2.5 },
      ]);
      expect(all.every((entry) => entry.createdAt instanceof Date)).toBe(true);
      expect((await store.executions({ name: 'exec_log', limit: 2 })).map((entry) => entry.durationMs)).toEqual([1, 7]);
      expect(await codeOf(store.executions({ name: 'exec_log', limit: 0 }))).toBe('limit_invalid');
      expect(await codeOf(store.executions({ name: 'never_made' }))).toBe('tool_not_found');
    });

    it('orders vector hits by cosine similarity over current versions only', async () => {
      const embedderId = 'cosine-test';
      await store.addVersion({ pkg: makePackage({ name: 'near_tool' }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: [1, 0.1, 0] }] });
      await store.addVersion({ pkg: makePackage({ name: 'far_tool' }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: [0, 1, 0] }] });
      await store.addVersion({ pkg: makePackage({ name: 'moved_tool' }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: [1, 0, 0] }] });
      // Its new version points elsewhere; the old vector must not be found.
      await store.addVersion({ pkg: makePackage({ name: 'moved_tool', version: '1.0.1' }), status: 'verified', reason: 'repaired: x', embeddings: [{ embedderId, vector: [0, 0, 1] }] });
      const hits = await store.vectorSearch({ embedderId, vector: [1, 0, 0], limit: 3 });
      expect(hits.map((hit) => hit.name)).toEqual(['near_tool', 'far_tool', 'moved_tool']);
      expect(hits[0]?.similarity).toBeCloseTo(1 / Math.sqrt(1.01), 5);
      expect(hits[1]?.similarity).toBeCloseTo(0, 5);
      expect(await store.vectorSearch({ embedderId: 'never-used', vector: [1, 0, 0], limit: 3 })).toEqual([]);
      expect(await codeOf(store.vectorSearch({ embedderId, vector: [1, 0], limit: 3 }))).toBe('embedding_dimensions_mismatch');
    });

    it('has an HNSW index per embedder that the search query uses', async () => {
      const embedderId = "hnsw-test's";
      for (let i = 0; i < 30; i += 1) {
        await store.addVersion({ pkg: makePackage({ name: `hnsw_tool_${i}` }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: axisVector({ dimensions: 8, axis: i % 8, tilt: i / 30 }) }] });
      }
      const { rows: indexes } = await opened.sql.query<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE indexname = $1::text', [hnswIndexName(embedderId)]);
      expect(indexes[0]?.indexdef).toMatch(/USING hnsw .*vector\(8\).*vector_cosine_ops.*WHERE/);
      const plan = await opened.sql.transaction(async (tx) => {
        await tx.query('SET LOCAL enable_seqscan = off');
        const { rows } = await tx.query<Record<string, string>>(`EXPLAIN ${vectorSearchSql({ embedderId, dimensions: 8 })}`, [JSON.stringify(axisVector({ dimensions: 8, axis: 3 })), 5]);
        return rows.map((row) => Object.values(row).join('')).join('\n');
      });
      expect(plan).toContain(`Index Scan using ${hnswIndexName(embedderId)}`);
      const hits = await store.vectorSearch({ embedderId, vector: axisVector({ dimensions: 8, axis: 3 }), limit: 60 });
      expect(hits).toHaveLength(30);
      expect(hits[0]?.similarity).toBeGreaterThan(0.9);
    });

    it('finds a tool by a word of its description and of its snake_case name', async () => {
      await store.addVersion({
        pkg: makePackage({ name: 'slugify_heading', description: 'Turns a title into a URL-safe identifier.', params: { title: 'the headline to convert' } }),
        status: 'verified',
        reason: 'created',
        embeddings: [],
      });
      await store.addVersion({ pkg: makePackage({ name: 'count_vowels', description: 'Counts a, e, i, o, u in text.' }), status: 'verified', reason: 'created', embeddings: [] });
      expect((await store.textSearch({ query: 'identifiers', limit: 5 }))[0]?.name).toBe('slugify_heading');
      expect((await store.textSearch({ query: 'heading', limit: 5 }))[0]?.name).toBe('slugify_heading');
      expect((await store.textSearch({ query: 'headline', limit: 5 }))[0]?.name).toBe('slugify_heading');
      // One word matching is enough; more matching words rank higher.
      const partial = await store.textSearch({ query: 'make a title and count nothing', limit: 10 });
      expect(partial.map((hit) => hit.name)).toEqual(expect.arrayContaining(['slugify_heading', 'count_vowels']));
      expect(partial.every((hit) => hit.rank > 0 && hit.rank < 1)).toBe(true);
      expect(await store.textSearch({ query: '  ', limit: 5 })).toEqual([]);
      expect(await store.textSearch({ query: 'the and of', limit: 5 })).toEqual([]);
    });

    it('has the default ranking policy, stores updates as versions and refuses invalid ones', async () => {
      const initial = await store.getRankingPolicy();
      expect(initial.weights).toEqual({ similarity: 0.7, successRate: 0.2, usage: 0.1 });
      expect(initial.bands).toEqual({ reuse: 0.8, check: 0.65 });
      const next = await store.setRankingPolicy({ weights: { similarity: 0.6, successRate: 0.3, usage: 0.1 }, bands: { reuse: 0.85, check: 0.6 } });
      expect(next.version).toBeGreaterThan(initial.version);
      expect(await store.getRankingPolicy()).toEqual(next);
      expect(await codeOf(store.setRankingPolicy({ weights: { similarity: 0.7, successRate: 0.2, usage: 0.2 }, bands: { reuse: 0.8, check: 0.6 } }))).toBe('ranking_policy_invalid');
      expect(await codeOf(store.setRankingPolicy({ weights: { similarity: 1.2, successRate: -0.2, usage: 0 }, bands: { reuse: 0.8, check: 0.6 } }))).toBe('ranking_policy_invalid');
      expect(await codeOf(store.setRankingPolicy({ weights: { similarity: 0.7, successRate: 0.2, usage: 0.1 }, bands: { reuse: 0.6, check: 0.8 } }))).toBe('ranking_policy_invalid');
      expect(await store.getRankingPolicy()).toEqual(next);
    });

    it('keeps the search statistics in step through add, new version, rollback and remove', async () => {
      const terms = ['zebraword', 'quokkaword', 'shared'];
      // Every change raises the generation, so figures read at one generation can be kept (`frequency-cache.ts`).
      const generations: number[] = [];
      const read = async () => {
        const statistics = await store.searchStatistics({ terms });
        generations.push(statistics.generation);
        return { tools: statistics.tools, zebra: statistics.documentFrequency.get('zebraword') ?? 0, quokka: statistics.documentFrequency.get('quokkaword') ?? 0 };
      };
      const before = await read();
      const name = 'stats_probe_tool';
      await store.addVersion({ pkg: makePackage({ name, description: 'Zebraword helper.' }), status: 'verified', reason: 'created', embeddings: [] });
      expect(await read()).toEqual({ tools: before.tools + 1, zebra: before.zebra + 1, quokka: before.quokka });
      // A run changes the tool's counters, not its words: the statistics keep their generation.
      await store.recordExecution({ name, version: '1.0.0', success: true, durationMs: 3 });
      expect(await read()).toEqual({ tools: before.tools + 1, zebra: before.zebra + 1, quokka: before.quokka });
      await store.addVersion({ pkg: makePackage({ name, version: '1.1.0', description: 'Quokkaword helper.' }), status: 'verified', reason: 'created', embeddings: [] });
      expect(await read()).toEqual({ tools: before.tools + 1, zebra: before.zebra, quokka: before.quokka + 1 });
      await store.rollback({ name, to: '1.0.0' });
      expect(await read()).toEqual({ tools: before.tools + 1, zebra: before.zebra + 1, quokka: before.quokka });
      await store.remove({ name });
      expect(await read()).toEqual(before);
      const [initial, added, afterRun, changed, rolledBack, removed] = generations as [number, number, number, number, number, number];
      expect(afterRun).toBe(added);
      expect([initial < added, added < changed, changed < rolledBack, rolledBack < removed]).toEqual([true, true, true, true]);
    });

    it("gives a candidate its current version's description and status through new versions and rollback", async () => {
      const name = 'card_probe_tool';
      const card = async () => (await store.summaries({ names: [name] })).map((summary) => [summary.description, summary.status]);
      await store.addVersion({ pkg: makePackage({ name, description: 'First words.' }), status: 'verified', reason: 'created', embeddings: [] });
      expect(await card()).toEqual([['First words.', 'verified']]);
      await store.addVersion({ pkg: makePackage({ name, version: '1.1.0', description: 'Second words.' }), status: 'experimental', statusReason: 'one test fails', reason: 'changed', embeddings: [] });
      expect(await card()).toEqual([['Second words.', 'experimental']]);
      await store.rollback({ name, to: '1.0.0' });
      expect(await card()).toEqual([['First words.', 'verified']]);
      await store.rollback({ name, to: '1.1.0' });
      expect(await card()).toEqual([['Second words.', 'experimental']]);
      await store.remove({ name });
      expect(await card()).toEqual([]);
    });

    it('returns vector and full-text candidates with their summaries in one call', async () => {
      const embedderId = 'contract-candidates';
      await store.addVersion({ pkg: makePackage({ name: 'cand_alpha_tool', description: 'Finds walrusword sightings.' }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: axisVector({ dimensions: 3, axis: 0 }) }] });
      await store.addVersion({ pkg: makePackage({ name: 'cand_beta_tool', description: 'Counts penguins.' }), status: 'experimental', reason: 'created', embeddings: [{ embedderId, vector: axisVector({ dimensions: 3, axis: 1 }) }] });
      const found = await store.searchCandidates({ embedderId, vector: axisVector({ dimensions: 3, axis: 1 }), query: 'walrusword', words: [{ word: 'walrusword', documentFrequency: 1 }], limit: 1, textMatchBudget: 100 });
      expect(found.nearest).toEqual(['cand_beta_tool']);
      expect(found.matching).toEqual(['cand_alpha_tool']);
      // Both carry their stored vector's cosine to the query: the nearest from the scan, the text match looked up.
      expect(found.similarities.get('cand_beta_tool')).toBeCloseTo(1, 6);
      expect(found.similarities.get('cand_alpha_tool')).toBeCloseTo(0, 6);
      expect(found.summaries.map((summary) => [summary.name, summary.status])).toEqual([
        ['cand_alpha_tool', 'verified'],
        ['cand_beta_tool', 'experimental'],
      ]);
      // The vector list can be shorter than the text list.
      const fewerNearest = await store.searchCandidates({ embedderId, vector: axisVector({ dimensions: 3, axis: 1 }), query: 'walrusword penguins', words: [], limit: 5, vectorLimit: 1, textMatchBudget: 100 });
      expect(fewerNearest.nearest).toEqual(['cand_beta_tool']);
      expect(fewerNearest.matching.sort()).toEqual(['cand_alpha_tool', 'cand_beta_tool']);
      const textOnly = await store.searchCandidates({ embedderId, vector: null, query: 'walrusword penguins', words: [], limit: 5, vectorLimit: 1, textMatchBudget: 100 });
      expect(textOnly.nearest).toEqual([]);
      expect(textOnly.summaries.map((summary) => summary.name).sort()).toEqual(['cand_alpha_tool', 'cand_beta_tool']);
      // What ranking reads, by name; names not in the library are left out.
      await store.recordExecution({ name: 'cand_alpha_tool', version: '1.0.0', success: true, durationMs: 3 });
      await store.recordExecution({ name: 'cand_alpha_tool', version: '1.0.0', success: false, error: 'boom', durationMs: 4 });
      expect(await store.summaries({ names: ['cand_beta_tool', 'no_such_tool', 'cand_alpha_tool'] })).toEqual([
        { name: 'cand_alpha_tool', description: 'Finds walrusword sightings.', status: 'verified', stats: { uses: 2, successRate: 0.5 } },
        { name: 'cand_beta_tool', description: 'Counts penguins.', status: 'experimental', stats: { uses: 0, successRate: null } },
      ]);
      // The full-text channel alone: names, best first (ties by name), within the limit and the budget.
      expect(await store.textMatches({ query: 'walrusword penguins', words: [], limit: 5, textMatchBudget: 100 })).toEqual(['cand_alpha_tool', 'cand_beta_tool']);
      expect(await store.textMatches({ query: 'walrusword penguins', words: [], limit: 1, textMatchBudget: 100 })).toEqual(['cand_alpha_tool']);
      const overBudget = [{ word: 'walrusword', documentFrequency: 1 }, { word: 'penguins', documentFrequency: 500 }];
      expect(await store.textMatches({ query: 'walrusword penguins', words: overBudget, limit: 5, textMatchBudget: 100 })).toEqual(['cand_alpha_tool']);
      expect(await store.textMatches({ query: 'the and of', words: [], limit: 5, textMatchBudget: 100 })).toEqual([]);
      await expect(store.textMatches({ query: 'walrusword', words: [], limit: 0, textMatchBudget: 100 })).rejects.toMatchObject({ code: 'search_invalid' });
    });

    it('adds a sentence channel: its nearest tools not yet candidates join them, and every candidate gets its similarity', async () => {
      const embedderId = 'contract-words';
      const sentenceId = 'contract-sentences';
      await store.addVersion({
        pkg: makePackage({ name: 'sent_gamma_tool', description: 'Lists narwhalword facts.' }),
        status: 'verified', reason: 'created',
        embeddings: [{ embedderId, vector: axisVector({ dimensions: 3, axis: 0 }) }, { embedderId: sentenceId, vector: axisVector({ dimensions: 4, axis: 2 }) }],
      });
      await store.addVersion({
        pkg: makePackage({ name: 'sent_delta_tool', description: 'Measures icebergs.' }),
        status: 'verified', reason: 'created',
        embeddings: [{ embedderId, vector: axisVector({ dimensions: 3, axis: 0 }) }, { embedderId: sentenceId, vector: axisVector({ dimensions: 4, axis: 3 }) }],
      });
      const words = await store.searchCandidates({
        embedderId, vector: null, query: 'narwhalword', words: [{ word: 'narwhalword', documentFrequency: 1 }], limit: 5, textMatchBudget: 100,
      });
      expect(words.summaries.map((summary) => summary.name)).toEqual(['sent_gamma_tool']);
      // Only the sentence vector points at sent_delta_tool; the word candidate is scored, not repeated.
      const found = await store.sentenceCandidates({ embedderId: sentenceId, vector: axisVector({ dimensions: 4, axis: 3 }), limit: 2, known: ['sent_gamma_tool'] });
      expect(found.summaries.map((summary) => summary.name)).toEqual(['sent_delta_tool']);
      expect(found.summaries[0]?.status).toBe('verified');
      expect(found.similarities.get('sent_delta_tool')).toBeCloseTo(1, 5);
      expect(found.similarities.get('sent_gamma_tool')).toBeCloseTo(0, 5);
      // limit 0 only scores the known candidates.
      const scoredOnly = await store.sentenceCandidates({ embedderId: sentenceId, vector: axisVector({ dimensions: 4, axis: 2 }), limit: 0, known: ['sent_gamma_tool', 'no_such_tool'] });
      expect(scoredOnly.summaries).toEqual([]);
      expect([...scoredOnly.similarities.keys()]).toEqual(['sent_gamma_tool']);
      expect(scoredOnly.similarities.get('sent_gamma_tool')).toBeCloseTo(1, 5);
      // A sentence embedder no tool has a vector from adds nothing and fails nothing.
      const unknown = await store.sentenceCandidates({ embedderId: 'contract-never-used', vector: axisVector({ dimensions: 4, axis: 0 }), limit: 5, known: ['sent_gamma_tool'] });
      expect(unknown).toEqual({ summaries: [], similarities: new Map() });
    });

    it('reports every vector written or removed since a snapshot, a page at a time', async () => {
      const embedderId = 'contract-changes';
      const addTool = (name: string, axis: number, version = '1.0.0') => {
        const pkg = makePackage({ name, description: `The ${name} tool.` });
        pkg.manifest = { ...pkg.manifest, version };
        return store.addVersion({ pkg, status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: axisVector({ dimensions: 4, axis }) }] });
      };
      const empty = await store.embeddingChanges({ embedderId, limit: 10 });
      expect(empty).toMatchObject({ upserts: [], removals: [], more: false });
      await addTool('chg_a_tool', 0);
      await addTool('chg_b_tool', 1);
      await addTool('chg_c_tool', 2);
      // A first load, in name order, two to a page.
      const first = await store.embeddingChanges({ embedderId, limit: 2 });
      expect(first.upserts.map((each) => each.name)).toEqual(['chg_a_tool', 'chg_b_tool']);
      expect(Array.from(first.upserts[1]?.vector ?? [])).toEqual([0, 1, 0, 0]);
      expect(first.more).toBe(true);
      const second = await store.embeddingChanges({ embedderId, limit: 2, after: 'chg_b_tool' });
      expect(second.upserts.map((each) => each.name)).toEqual(['chg_c_tool']);
      expect(second.more).toBe(false);
      expect(await store.embeddingChanges({ embedderId, since: first.snapshot, limit: 10 })).toMatchObject({ upserts: [], removals: [] });
      // A new version re-embeds, a removal leaves a tombstone, a removed name added again is current.
      await addTool('chg_a_tool', 3, '1.1.0');
      await store.remove({ name: 'chg_b_tool' });
      await store.remove({ name: 'chg_c_tool' });
      await addTool('chg_c_tool', 1);
      await addTool('chg_d_tool', 2);
      const changed = await store.embeddingChanges({ embedderId, since: first.snapshot, limit: 10 });
      expect(changed.upserts.map((each) => each.name)).toEqual(['chg_a_tool', 'chg_c_tool', 'chg_d_tool']);
      expect(Array.from(changed.upserts[0]?.vector ?? [])).toEqual([0, 0, 0, 1]);
      expect(changed.removals).toEqual(['chg_b_tool']);
      // A search reads the same in one statement, with the statistics and the policy.
      const terms = ['tool', 'chg_a_tool', 'never-seen'];
      // Several embedders' changes come in the same statement, each since its own snapshot.
      const context = await store.searchContext({
        terms,
        changes: [
          { embedderId: 'contract-never-used', since: first.snapshot, limit: 10 },
          { embedderId, since: first.snapshot, limit: 10 },
          { embedderId, since: changed.snapshot, limit: 10 },
        ],
      });
      expect(context.statistics).toEqual(await store.searchStatistics({ terms }));
      expect(context.policy).toEqual(await store.getRankingPolicy());
      const [other, mine, none] = context.changes ?? [];
      expect(other).toMatchObject({ upserts: [], removals: [] });
      expect(mine?.upserts.map((each) => each.name)).toEqual(['chg_a_tool', 'chg_c_tool', 'chg_d_tool']);
      expect(Array.from(mine?.upserts[0]?.vector ?? [])).toEqual([0, 0, 0, 1]);
      expect(mine?.removals).toEqual(['chg_b_tool']);
      expect(none).toMatchObject({ upserts: [], removals: [] });
      expect((await store.searchContext({ terms, changes: [{ embedderId, since: first.snapshot, limit: 2 }] })).changes?.[0]?.more).toBe(true);
      expect(await store.searchContext({ terms })).not.toHaveProperty('changes');
      const tooMany = Array.from({ length: 5 }, () => ({ embedderId, since: first.snapshot, limit: 10 }));
      await expect(store.searchContext({ terms, changes: tooMany })).rejects.toMatchObject({ code: 'embedding_changes_invalid' });
      expect(await store.embeddingChanges({ embedderId, since: changed.snapshot, limit: 10 })).toMatchObject({ upserts: [], removals: [] });
      // Another embedder's writes are not this one's changes.
      expect((await store.embeddingChanges({ embedderId: 'contract-never-used', limit: 10 })).upserts).toEqual([]);
      await expect(store.embeddingChanges({ embedderId, since: 'yesterday', limit: 10 })).rejects.toMatchObject({ code: 'embedding_changes_invalid' });
      // A snapshot names its database: another database's, or one from this database's future, is refused.
      const [, horizon] = changed.snapshot.split('/');
      await expect(store.embeddingChanges({ embedderId, since: `00000000-0000-4000-8000-000000000000/${horizon}`, limit: 10 })).rejects.toMatchObject({ code: 'embedding_snapshot_foreign' });
      const [identity] = changed.snapshot.split('/');
      await expect(store.embeddingChanges({ embedderId, since: `${identity}/999999999:999999999:`, limit: 10 })).rejects.toMatchObject({ code: 'embedding_snapshot_foreign' });
      await expect(store.searchContext({ terms: [], changes: [{ embedderId, since: `${identity}/999999999:999999999:`, limit: 10 }] })).rejects.toMatchObject({ code: 'embedding_snapshot_foreign' });
    });

    it('reports every search text written or removed since a snapshot, and no run as a change', async () => {
      const addTool = (name: string, description: string, version = '1.0.0') =>
        store.addVersion({ pkg: makePackage({ name, description, version, params: { sourceText: 'the text to read' } }), status: 'verified', reason: 'created', embeddings: [] });
      const mine = (changes: { upserts: Array<{ name: string }> }) => changes.upserts.map((each) => each.name).filter((name) => name.startsWith('txt_'));
      await addTool('txt_a_tool', 'Reads walrus logs.');
      await addTool('txt_b_tool', 'Counts penguins.');
      await addTool('txt_c_tool', 'Sorts seals.');
      const all = await store.textChanges({ limit: 10_000 });
      expect(mine(all)).toEqual(['txt_a_tool', 'txt_b_tool', 'txt_c_tool']);
      expect(all.upserts.find((each) => each.name === 'txt_a_tool')?.texts).toEqual({ name: 'txt a tool', description: 'Reads walrus logs.', parameters: 'source text. the text to read' });
      const firstPage = await store.textChanges({ limit: 1, after: 'txt_a_tool' });
      expect(firstPage).toMatchObject({ upserts: [{ name: 'txt_b_tool' }], more: true });
      expect(await store.textChanges({ since: all.snapshot, limit: 10 })).toMatchObject({ upserts: [], removals: [] });
      // A run moves the usage counts, not the text; a new version, a rollback and a removal do.
      await store.recordExecution({ name: 'txt_a_tool', version: '1.0.0', success: true, durationMs: 3 });
      expect(await store.textChanges({ since: all.snapshot, limit: 10 })).toMatchObject({ upserts: [], removals: [] });
      await addTool('txt_a_tool', 'Reads walrus and narwhal logs.', '1.1.0');
      await store.remove({ name: 'txt_b_tool' });
      await store.remove({ name: 'txt_c_tool' });
      await addTool('txt_c_tool', 'Sorts seals again.');
      const changed = await store.textChanges({ since: all.snapshot, limit: 10 });
      expect(mine(changed)).toEqual(['txt_a_tool', 'txt_c_tool']);
      expect(changed.upserts[0]?.texts.description).toBe('Reads walrus and narwhal logs.');
      expect(changed.removals).toEqual(['txt_b_tool']);
      await store.rollback({ name: 'txt_a_tool', to: '1.0.0' });
      const rolledBack = await store.textChanges({ since: changed.snapshot, limit: 10 });
      expect(rolledBack.upserts.map((each) => [each.name, each.texts.description])).toEqual([['txt_a_tool', 'Reads walrus logs.']]);
      // A search reads the first page in its context statement, beside any embedder's.
      const context = await store.searchContext({ terms: ['walrus'], changes: [{ embedderId: 'contract-never-used', since: all.snapshot, limit: 10 }], textChanges: { since: all.snapshot, limit: 10 } });
      expect(context.textChanges).toEqual({ ...changed, snapshot: context.textChanges?.snapshot, upserts: [{ ...changed.upserts[0], texts: rolledBack.upserts[0]?.texts }, changed.upserts[1]] });
      expect(context.changes?.[0]).toMatchObject({ upserts: [], removals: [] });
      expect(await store.searchContext({ terms: [] })).not.toHaveProperty('textChanges');
      await expect(store.textChanges({ since: 'yesterday', limit: 10 })).rejects.toMatchObject({ code: 'text_changes_invalid' });
      await expect(store.textChanges({ limit: 0 })).rejects.toMatchObject({ code: 'text_changes_invalid' });
      const [identity] = changed.snapshot.split('/');
      await expect(store.textChanges({ since: `${identity}/999999999:999999999:`, limit: 10 })).rejects.toMatchObject({ code: 'embedding_snapshot_foreign' });
    });

    it('returns every vector hit after many updates to the same tools (dead index tuples)', async () => {
      // Without iterative HNSW scans this returned 1 of 4: the graph is full of superseded versions.
      for (let i = 0; i < 120; i++) {
        const pkg = makePackage({ name: `churned_tool_${i % 4}`, description: 'A tool updated many times.' });
        pkg.manifest = { ...pkg.manifest, version: `1.0.${Math.floor(i / 4)}` };
        await store.addVersion({ pkg, status: 'verified', reason: 'churn', embeddings: [{ embedderId: 'churn-test', vector: [Math.cos(i), Math.sin(i), 1] }] });
      }
      const hits = await store.vectorSearch({ embedderId: 'churn-test', vector: [1, 0, 1], limit: 4 });
      expect(hits.map((hit) => hit.name).sort()).toEqual(['churned_tool_0', 'churned_tool_1', 'churned_tool_2', 'churned_tool_3']);
      // A session that lost its settings (a pooler's DISCARD ALL, a RESET) falls back to setting them per query.
      await opened.sql.query('RESET ALL');
      try {
        const again = await store.vectorSearch({ embedderId: 'churn-test', vector: [1, 0, 1], limit: 4 });
        expect(again.map((hit) => hit.name).sort()).toEqual(['churned_tool_0', 'churned_tool_1', 'churned_tool_2', 'churned_tool_3']);
        const candidates = await store.searchCandidates({ embedderId: 'churn-test', vector: [1, 0, 1], query: 'nothing', words: [], limit: 4, textMatchBudget: 100 });
        expect([...candidates.nearest].sort()).toEqual(['churned_tool_0', 'churned_tool_1', 'churned_tool_2', 'churned_tool_3']);
      } finally {
        for (const statement of VECTOR_SCAN_SESSION_SETUP.split(';')) await opened.sql.query(statement);
      }
    }, 60_000);

    it('opens sessions with iterative HNSW scans on, so a vector search needs no transaction', async () => {
      const { rows } = await opened.sql.query<{ iterative: string; ef: string }>(
        `SELECT current_setting('hnsw.iterative_scan') AS iterative, current_setting('hnsw.ef_search') AS ef`,
      );
      expect(rows[0]).toEqual({ iterative: 'relaxed_order', ef: String(SESSION_EF_SEARCH) });
    });

    it('applies migrations once: running them again changes nothing', async () => {
      expect(await migrate({ sql: opened.sql })).toEqual([]);
      const { rows } = await opened.sql.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });
  });
}
