import { describe, expect, it } from 'vitest';
import { useScratchStore, waitFor } from './copy-test-support.ts';
import { lexicalTerms } from './search/index.ts';
import { makePackage } from './store/test-support/fixtures.ts';
import { createTextIndex, type TextIndex } from './text-index.ts';

describe('createTextIndex', () => {
  const scratch = useScratchStore('toolsmith-text-index-');

  const addTool = (name: string, description: string, version = '1.0.0') =>
    scratch.store.addVersion({ pkg: makePackage({ name, description, version, params: { text: 'the words to read' } }), status: 'verified', reason: 'created', embeddings: [] });
  const matches = async (index: TextIndex, query: string, read?: Parameters<TextIndex['current']>[0]) => {
    const copy = await index.current(read);
    if (copy === undefined) throw new Error('the copy is not loaded');
    return copy.search({ terms: lexicalTerms(query), limit: 10 });
  };


  it('loads a small library at once and follows every later write to the database', async () => {
    await addTool('walrus_counter', 'Counts walruses on a beach.');
    await addTool('seal_sorter', 'Sorts seals by weight.');
    const index = createTextIndex({ store: scratch.store });
    expect(await matches(index, 'how many walruses')).toEqual(['walrus_counter']);
    // Written through the store, not through the copy: the copy learns of it from the database.
    await addTool('seal_sorter', 'Sorts walruses and seals by weight.', '1.1.0');
    await addTool('penguin_finder', 'Finds penguins.');
    expect(await matches(index, 'walruses')).toEqual(['walrus_counter', 'seal_sorter']);
    expect(await matches(index, 'penguins')).toEqual(['penguin_finder']);
    await scratch.store.rollback({ name: 'seal_sorter', to: '1.0.0' });
    await scratch.store.remove({ name: 'walrus_counter' });
    expect(await matches(index, 'walruses')).toEqual([]);
    // Parameter texts match too.
    expect(await matches(index, 'words')).toEqual(['penguin_finder', 'seal_sorter']);
    index.close();
    expect(await index.current()).toBeUndefined();
  });

  it('loads a larger library in the background, page by page, answering only once it is complete', async () => {
    for (let i = 0; i < 7; i++) await addTool(`tool_${i}`, `Helper number ${i} for narwhals.`);
    const index = createTextIndex({ store: scratch.store, pageSize: 2 });
    expect(await index.current()).toBeUndefined();
    await addTool('late_tool', 'Arrives while narwhals load.');
    const copy = await waitFor(() => index.current());
    expect(copy.search({ terms: lexicalTerms('narwhals'), limit: 20 }).sort()).toEqual(['late_tool', ...Array.from({ length: 7 }, (_, i) => `tool_${i}`)].sort());
  });

  it("takes the changes a search read in its context statement, unless the copy has moved on since", async () => {
    await addTool('walrus_counter', 'Counts walruses.');
    const index = createTextIndex({ store: scratch.store });
    expect(await index.current()).toBeDefined();
    const point = index.syncPoint();
    if (point === undefined) throw new Error('a loaded copy has a sync point');
    await addTool('walrus_weigher', 'Weighs walruses.');
    const context = await scratch.store.searchContext({ terms: [], textChanges: point });
    const read = context.textChanges;
    if (read === undefined) throw new Error('the context statement read the text changes');
    expect(await matches(index, 'weighs walruses', { since: point.since, changes: read })).toEqual(['walrus_weigher', 'walrus_counter']);
    // Read against a snapshot the copy no longer reflects: ignored, and the changes are read afresh.
    const stale = { ...read, upserts: [{ name: 'ghost_tool', texts: { name: 'ghost tool', description: 'Haunts walruses.', parameters: '' } }] };
    expect(await matches(index, 'haunts', { since: point.since, changes: stale })).toEqual([]);
  });
});
