import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddingsTestServer, type EmbeddingsTestServer } from './embedders/embeddings-test-server.ts';
import { createProviderEmbedder } from './embedders/index.ts';
import { createRegistry } from './registry.ts';
import { doublePackage, openTestRegistry, removeHome, type OpenedRegistry } from './registry-test-support.ts';
import { createSentenceEncoder, createWordVectorEmbedder } from './search/index.ts';
import { createSandbox } from '../sandbox/index.ts';

const WORD_VECTORS = 'word-vectors:wink-sg-100d:sif-v1';

describe('registry reindex after switching to a provider embedder (local OpenAI-style server)', () => {
  let opened: OpenedRegistry;
  let server: EmbeddingsTestServer;
  beforeAll(async () => {
    server = await startEmbeddingsTestServer({ dimensions: 32 });
    opened = await openTestRegistry();
    await opened.registry.add({ pkg: doublePackage() });
  });
  afterAll(async () => {
    await opened.close();
    await removeHome(opened.home);
    await server.close();
  });

  it('embeds every current tool with the new embedder, keeps the old vectors, and searches with the new id', async () => {
    const provider = createProviderEmbedder({ spec: 'openai-compatible:bag-of-words', baseUrl: server.baseUrl, retry: { initialDelayMs: 1 } });
    const registry = createRegistry({ store: opened.store, sandbox: createSandbox(), embedder: createWordVectorEmbedder(), vectorEmbedder: provider });
    expect(await opened.store.embeddingsMissing({ embedderId: provider.id })).toEqual(['double_number']);

    const progress: Array<[number, number]> = [];
    const report = await registry.reindex({ onProgress: ({ done, total }) => progress.push([done, total]) });
    expect(report).toMatchObject({ embedderId: 'openai-compatible:bag-of-words', embedded: 1, missingBefore: 1 });
    expect(progress).toEqual([[0, 1], [1, 1]]);
    expect(await opened.store.embeddingsMissing({ embedderId: provider.id })).toEqual([]);
    expect(await opened.store.embeddingsMissing({ embedderId: WORD_VECTORS })).toEqual([]);

    const searchesBefore = server.requests.length;
    const { hits } = await registry.search({ query: 'double a number' });
    expect(hits[0]).toMatchObject({ name: 'double_number' });
    // The query went to the provider, and the store's nearest vectors of that id answer it.
    expect(server.requests.slice(searchesBefore).some((request) => request.input.includes('double a number'))).toBe(true);
    expect(await opened.store.vectorSearch({ embedderId: provider.id, vector: Array.from((await provider.embed({ texts: ['double a number'] }))[0]!), limit: 1 })).toMatchObject([
      { name: 'double_number' },
    ]);
  });

  it('deletes the saved index copies of other embedders once the reindex is done, and nothing else', async () => {
    const indexCacheDir = path.join(opened.home, 'index-cache');
    const provider = createProviderEmbedder({ spec: 'openai-compatible:bag-of-words', baseUrl: server.baseUrl });
    const registry = createRegistry({ store: opened.store, sandbox: createSandbox(), embedder: createWordVectorEmbedder(), vectorEmbedder: provider, indexCacheDir });
    await mkdir(indexCacheDir, { recursive: true });
    const kept = [
      'sentence-00000000000000aa.bin', // the encoder is off here, and may be turned on again
      'words-00000000000000bb.bin.4242.1700000000000.tmp', // another process's save in progress
      'notes.txt',
    ];
    for (const name of [...kept, 'words-00000000000000cc.bin']) await writeFile(path.join(indexCacheDir, name), 'x');
    // The provider's own copy is saved once a search has loaded it.
    await registry.search({ query: 'double a number' });
    await registry.prepareSearch();
    const ownCopy = await vi.waitFor(async () => {
      const name = (await readdir(indexCacheDir)).find((each) => /^words-[0-9a-f]{16}\.bin$/.test(each) && each !== 'words-00000000000000cc.bin');
      if (name === undefined) throw new Error('the copy is not saved yet');
      return name;
    });

    await registry.reindex();
    expect((await readdir(indexCacheDir)).sort()).toEqual([...kept, ownCopy].sort());
    expect((await registry.search({ query: 'double a number' })).hits[0]?.name).toBe('double_number');
  });

  it('stores new versions with both the provider and the word-vector vectors', async () => {
    const provider = createProviderEmbedder({ spec: 'openai-compatible:bag-of-words', baseUrl: server.baseUrl });
    const registry = createRegistry({ store: opened.store, sandbox: createSandbox(), embedder: createWordVectorEmbedder(), vectorEmbedder: provider });
    await registry.add({ pkg: doublePackage({ version: '1.1.0' }) });
    expect(await opened.store.embeddingsMissing({ embedderId: provider.id })).toEqual([]);
    expect(await opened.store.embeddingsMissing({ embedderId: WORD_VECTORS })).toEqual([]);
  });
});

describe('a library made before the sentence encoder', () => {
  let opened: OpenedRegistry;
  beforeAll(async () => {
    opened = await openTestRegistry();
    await opened.registry.add({ pkg: doublePackage() });
  });
  afterAll(async () => {
    await opened.close();
    await removeHome(opened.home);
  });

  it('gets sentence vectors for its tools when opened with the encoder on, and then finds them through it', async () => {
    const sentenceEncoder = createSentenceEncoder();
    expect(await opened.store.embeddingsMissing({ embedderId: sentenceEncoder.id })).toEqual(['double_number']);
    const registry = createRegistry({ store: opened.store, sandbox: createSandbox(), embedder: createWordVectorEmbedder(), sentenceEncoder });
    await registry.ensureStarterLibrary();
    expect(await opened.store.embeddingsMissing({ embedderId: sentenceEncoder.id })).toEqual([]);
    // The word-vector vectors are untouched, and new versions store all three kinds.
    expect(await opened.store.embeddingsMissing({ embedderId: WORD_VECTORS })).toEqual([]);
    await registry.add({ pkg: doublePackage({ version: '1.1.0' }) });
    expect(await opened.store.embeddingsMissing({ embedderId: sentenceEncoder.id })).toEqual([]);
    expect((await registry.search({ query: 'multiply a value by two' })).hits[0]?.name).toBe('double_number');
  }, 60_000);
});
