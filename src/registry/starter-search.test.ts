import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_QUERIES_FILE } from '../starter/index.ts';
import { openTestRegistry, removeHome, type OpenedRegistry } from './registry-test-support.ts';

/** Measured 109/132 = 0.826 top-1 (the same as the search layer's in-memory hybrid); the floor sits a little under. */
const STARTER_TOP1_FLOOR = 0.78;

describe('the registry over the starter library', () => {
  let opened: OpenedRegistry;
  beforeAll(async () => {
    opened = await openTestRegistry();
    expect(await opened.registry.ensureStarterLibrary()).toEqual({ imported: 26 });
  }, 120_000);
  afterAll(async () => {
    await opened.close();
    await removeHome(opened.home);
  });

  it('imports the starter library once, all verified', async () => {
    const tools = await opened.registry.list();
    expect(tools).toHaveLength(26);
    expect(tools.filter((tool) => tool.status !== 'verified')).toEqual([]);
    expect(await opened.registry.ensureStarterLibrary()).toEqual({ imported: 0 });
  });

  it('does not import again into a library the user emptied', async () => {
    await opened.close();
    const reopened = await openTestRegistry({ home: opened.home });
    opened = reopened;
    await reopened.registry.remove({ name: 'slugify' });
    expect(await reopened.registry.ensureStarterLibrary()).toEqual({ imported: 0 });
    expect(await reopened.registry.list()).toHaveLength(25);
  });

  it('finds the CSV tool for "examine this spreadsheet"', async () => {
    const { hits } = await opened.registry.search({ query: 'examine this spreadsheet' });
    expect(hits[0]?.name).toMatch(/csv/);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (const hit of hits) {
      expect(hit.similarity).toBeGreaterThanOrEqual(0);
      expect(hit.similarity).toBeLessThanOrEqual(1);
    }
  });

  it('reports the bands of the policy in the store, read on similarity', async () => {
    // A query whose top similarity is under 1, so a check band just above it is reachable.
    const query = 'sales tax of 8 percent on 59.99';
    const before = await opened.registry.search({ query, limit: 3 });
    const top = before.hits[0];
    expect(top?.name).toBe('percentage_of');
    expect(before.band).toBe(top?.band);
    const similarity = top?.similarity ?? 0;
    const weights = { similarity: 0.7, successRate: 0.2, usage: 0.1 };
    await opened.store.setRankingPolicy({ weights, bands: { reuse: 1, check: similarity } });
    expect((await opened.registry.search({ query, limit: 3 })).band).toBe('check');
    await opened.store.setRankingPolicy({ weights, bands: { reuse: 1, check: Math.min(1, similarity + 0.01) } });
    expect((await opened.registry.search({ query, limit: 3 })).band).toBe('synthesize');
    await opened.store.setRankingPolicy({ weights, bands: { reuse: similarity, check: 0 } });
    expect((await opened.registry.search({ query, limit: 3 })).band).toBe('reuse');
    await opened.store.setRankingPolicy({ weights, bands: { reuse: 0.8, check: 0.65 } });
  });

  it('lets success rate and usage move a tool up under a policy that weighs them', async () => {
    const query = 'how many words are in this text';
    const { hits } = await opened.registry.search({ query, limit: 5 });
    const second = hits[1];
    expect(second).toBeDefined();
    for (let i = 0; i < 3; i += 1) await opened.store.recordExecution({ name: second?.name ?? '', version: '1.0.0', success: true, durationMs: 1 });
    await opened.store.setRankingPolicy({ weights: { similarity: 0.2, successRate: 0.4, usage: 0.4 }, bands: { reuse: 0.8, check: 0.65 } });
    const after = await opened.registry.search({ query, limit: 5 });
    expect(after.hits[0]?.name).toBe(second?.name);
    await opened.store.setRankingPolicy({ weights: { similarity: 0.7, successRate: 0.2, usage: 0.1 }, bands: { reuse: 0.8, check: 0.65 } });
  });
});

describe('retrieval over a fresh starter library', () => {
  let opened: OpenedRegistry;
  beforeAll(async () => {
    opened = await openTestRegistry();
    await opened.registry.ensureStarterLibrary();
  }, 120_000);
  afterAll(async () => {
    await opened.close();
    await removeHome(opened.home);
  });

  it(`ranks the labeled tool first for at least ${STARTER_TOP1_FLOOR * 100}% of starter/queries.jsonl`, async () => {
    const lines = (await readFile(STARTER_QUERIES_FILE, 'utf8')).split('\n').filter((line) => line.trim().length > 0);
    const queries = lines.map((line) => JSON.parse(line) as { query: string; tool: string });
    let top1 = 0;
    for (const { query, tool } of queries) if ((await opened.registry.search({ query, limit: 1 })).hits[0]?.name === tool) top1 += 1;
    expect(top1 / queries.length).toBeGreaterThanOrEqual(STARTER_TOP1_FLOOR);
  }, 60_000);
});
