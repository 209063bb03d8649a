import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox/index.ts';
import { useScratchStore, waitFor } from './copy-test-support.ts';
import { createRegistry } from './registry.ts';
import { createWordVectorEmbedder, type Embedder } from './search/index.ts';
import { createEmbeddingIndex } from './embedding-index.ts';
import { openToolStore } from './store/index.ts';
import { axisVector, makePackage } from './store/test-support/fixtures.ts';

const embedderId = 'test-sentences';

describe('createEmbeddingIndex', () => {
  const scratch = useScratchStore('toolsmith-embedding-index-');

  const addTool = (name: string, axis: number, version = '1.0.0') =>
    scratch.store.addVersion({
      pkg: makePackage({ name, version }),
      status: 'verified',
      reason: 'created',
      embeddings: [{ embedderId, vector: axisVector({ dimensions: 4, axis, tilt: 0.1 }) }],
    });
  const nearestNamesAfter = async (index: ReturnType<typeof createEmbeddingIndex>, read: Parameters<ReturnType<typeof createEmbeddingIndex>['current']>[0], axis: number) => {
    const current = await index.current(read);
    if (current === undefined) throw new Error('the index is not loaded');
    return (await current.nearest(Float32Array.from(axisVector({ dimensions: 4, axis })), 10)).map((hit) => hit.name);
  };
  const nearestNames = async (index: ReturnType<typeof createEmbeddingIndex>, axis: number) => {
    const current = await index.current();
    if (current === undefined) throw new Error('the index is not loaded');
    return (await current.nearest(Float32Array.from(axisVector({ dimensions: 4, axis })), 10)).map((hit) => hit.name);
  };

  it('loads a small library at once and follows every later write to the database', async () => {
    await addTool('alpha_tool', 0);
    await addTool('beta_tool', 1);
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4 });
    expect((await nearestNames(index, 1))[0]).toBe('beta_tool');
    // Written through the store, not through the index: the index learns of it from the database.
    await addTool('gamma_tool', 1, '1.0.0');
    await addTool('alpha_tool', 1, '2.0.0');
    expect((await nearestNames(index, 1)).slice(0, 3).sort()).toEqual(['alpha_tool', 'beta_tool', 'gamma_tool']);
    await scratch.store.remove({ name: 'beta_tool' });
    await scratch.store.remove({ name: 'gamma_tool' });
    expect(await nearestNames(index, 1)).toEqual(['alpha_tool']);
    // Similarities match the store's own scan.
    const current = await index.current();
    const query = axisVector({ dimensions: 4, axis: 1 });
    const fromIndex = await current?.similarities(Float32Array.from(query), ['alpha_tool', 'beta_tool']);
    const fromStore = await scratch.store.sentenceCandidates({ embedderId, vector: query, limit: 0, known: ['alpha_tool', 'beta_tool'] });
    expect([...(fromIndex?.keys() ?? [])]).toEqual(['alpha_tool']);
    expect(fromIndex?.get('alpha_tool')).toBeCloseTo(fromStore.similarities.get('alpha_tool') ?? Number.NaN, 5);
    index.close();
    expect(await index.current()).toBeUndefined();
  });


  it('loads a larger library in the background, page by page, answering only once it is complete', async () => {
    for (let i = 0; i < 7; i++) await addTool(`tool_${i}`, i % 4);
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4, pageSize: 2 });
    expect(await index.current()).toBeUndefined();
    // A write while the later pages load is caught by the first sync after.
    await addTool('late_tool', 3);
    const current = await waitFor(() => index.current());
    const names = (await current.nearest(Float32Array.from(axisVector({ dimensions: 4, axis: 3 })), 20))?.map((hit) => hit.name);
    expect(names.slice().sort()).toEqual(['late_tool', ...Array.from({ length: 7 }, (_, i) => `tool_${i}`)].sort());
    index.close();
  });

  it('takes the changes a search read in its own statement, unless the copy has moved on since', async () => {
    await addTool('alpha_tool', 0);
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4 });
    expect(await index.current()).toBeDefined();
    const point = index.syncPoint();
    if (point === undefined) throw new Error('a loaded copy has a sync point');
    await addTool('beta_tool', 1);
    const read = await scratch.store.embeddingChanges({ embedderId, ...point });
    expect((await nearestNamesAfter(index, { since: point.since, changes: read }, 1))[0]).toBe('beta_tool');
    // Read against a snapshot the copy no longer reflects: ignored, and the changes are read afresh.
    const stale = { ...read, upserts: [{ name: 'ghost_tool', vector: Float32Array.from(axisVector({ dimensions: 4, axis: 2 })) }] };
    expect(await nearestNamesAfter(index, { since: point.since, changes: stale }, 2)).not.toContain('ghost_tool');
    index.close();
    expect(index.syncPoint()).toBeUndefined();
  });

  it('reads a large change in the background, letting the store answer until it is in', async () => {
    await addTool('alpha_tool', 0);
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4, pageSize: 2 });
    expect(await index.current()).toBeDefined();
    // More changes than a page, as a bulk import by another process would make.
    for (let i = 0; i < 5; i++) await addTool(`bulk_${i}_tool`, 1);
    expect(await index.current()).toBeUndefined();
    const current = await waitFor(() => index.current());
    const names = (await current.nearest(Float32Array.from(axisVector({ dimensions: 4, axis: 1 })), 10)).map((hit) => hit.name);
    expect(names.slice().sort()).toEqual(['alpha_tool', ...Array.from({ length: 5 }, (_, i) => `bulk_${i}_tool`)]);
    index.close();
  });

  it('saves its copy, and a later process starts from it, catching up on what changed since', async () => {
    const cacheFile = path.join(scratch.home, 'index-cache', 'sentence.bin');
    await addTool('alpha_tool', 0);
    await addTool('beta_tool', 1);
    const first = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4, cacheFile });
    expect(await first.current()).toBeDefined();
    first.close();
    await waitFor(async () => (await access(cacheFile).then(() => true, () => false)) || undefined);
    await scratch.store.remove({ name: 'beta_tool' });
    await addTool('gamma_tool', 1);
    const second = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4, cacheFile });
    // The copy loads in the background; the store's scan answers meanwhile.
    expect(await second.current()).toBeUndefined();
    const loaded = await waitFor(() => second.current());
    expect((await loaded.nearest(Float32Array.from(axisVector({ dimensions: 4, axis: 1 })), 10)).map((hit) => hit.name)).toEqual(['gamma_tool', 'alpha_tool']);
    second.close();
  });

  it('refuses a copy saved from another database and loads its own', async () => {
    const cacheFile = path.join(scratch.home, 'index-cache', 'sentence.bin');
    const otherHome = await mkdtemp(path.join(tmpdir(), 'toolsmith-sentence-other-'));
    const other = await openToolStore({ dataDir: otherHome });
    try {
      await other.store.addVersion({ pkg: makePackage({ name: 'foreign_tool' }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: axisVector({ dimensions: 4, axis: 2 }) }] });
      const foreign = createEmbeddingIndex({ store: other.store, embedderId, dimensions: 4, cacheFile });
      expect(await foreign.current()).toBeDefined();
      foreign.close();
      await waitFor(async () => (await access(cacheFile).then(() => true, () => false)) || undefined);
    } finally {
      await other.close();
      await rm(otherHome, { recursive: true, force: true });
    }
    await addTool('alpha_tool', 2);
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4, cacheFile });
    const loaded = await waitFor(() => index.current());
    expect((await loaded.nearest(Float32Array.from(axisVector({ dimensions: 4, axis: 2 })), 10)).map((hit) => hit.name)).toEqual(['alpha_tool']);
    index.close();
  });

  it('ranks like the store\'s own scan, which answers when the index cannot', async () => {
    let seed = 11;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 4_294_967_296 - 0.5;
    };
    for (let i = 0; i < 30; i++) {
      await scratch.store.addVersion({ pkg: makePackage({ name: `random_${i}_tool` }), status: 'verified', reason: 'created', embeddings: [{ embedderId, vector: Array.from({ length: 4 }, random) }] });
    }
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 4 });
    const current = await index.current();
    for (let q = 0; q < 5; q++) {
      const query = Array.from({ length: 4 }, random);
      const fromStore = await scratch.store.sentenceCandidates({ embedderId, vector: query, limit: 5, known: [] });
      const ranked = [...fromStore.similarities].sort((a, b) => b[1] - a[1]).map(([name]) => name);
      expect((await current?.nearest(Float32Array.from(query), 5))?.map((hit) => hit.name)).toEqual(ranked);
    }
    index.close();
  });

  it('is loaded ahead of the first search by the registry\'s prepareSearch, and saved for the next process', async () => {
    const cacheDir = path.join(scratch.home, 'index-cache');
    const sentenceEncoder: Embedder = {
      id: embedderId,
      dimensions: 4,
      embed: async ({ texts }) => texts.map((text) => Float32Array.from(axisVector({ dimensions: 4, axis: text.length % 4, tilt: 0.2 }))),
    };
    const registry = createRegistry({ store: scratch.store, embedder: createWordVectorEmbedder(), sentenceEncoder, sandbox: createSandbox(), indexCacheDir: cacheDir });
    await addTool('alpha_tool', 0);
    await registry.prepareSearch();
    await waitFor(async () => ((await readdir(cacheDir).catch(() => [])).length > 0 ? true : undefined));
    expect((await registry.search({ query: 'alpha tool' })).hits[0]?.name).toBe('alpha_tool');
  });

  it('warms up in prepareSearch by searching for the catalog\'s own tools, and stops at the first failed search', async () => {
    await addTool('alpha_tool', 0);
    await addTool('beta_tool', 1);
    const encoded: string[] = [];
    let failing = false;
    const sentenceEncoder: Embedder = {
      id: embedderId,
      dimensions: 4,
      embed: async ({ texts }) => {
        encoded.push(...texts);
        if (failing) throw new Error('the encoder broke');
        return texts.map(() => Float32Array.from(axisVector({ dimensions: 4, axis: 0 })));
      },
    };
    const registry = createRegistry({ store: scratch.store, embedder: createWordVectorEmbedder(), sentenceEncoder, sandbox: createSandbox() });
    await registry.prepareSearch();
    expect(encoded).toEqual(['Does alpha tool.', 'Does beta tool.']);
    encoded.length = 0;
    failing = true;
    await expect(registry.prepareSearch()).resolves.toBeUndefined();
    expect(encoded).toEqual(['Does alpha tool.']);
  });

  it('does not answer when its copy cannot be made, so search falls back to the store', async () => {
    await addTool('alpha_tool', 0);
    // Vectors of 4 dimensions cannot go into an index of 3.
    const index = createEmbeddingIndex({ store: scratch.store, embedderId, dimensions: 3 });
    expect(await index.current()).toBeUndefined();
    expect(await index.current()).toBeUndefined();
  });
});
