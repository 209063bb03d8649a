import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { useScratchDatabase } from '../test-support/scratch-database.ts';
import { createToolStore } from '../tool-store.ts';
import { makePackage } from '../test-support/fixtures.ts';

describe('migration 9 (text changes)', () => {
  const scratch = useScratchDatabase();

  it('gives a library written before it a snapshot to follow: later writes and removals are its changes, earlier ones are not', async () => {
    const sql = await scratch.open(9);
    const store = createToolStore({ sql });
    for (const name of ['old_a_tool', 'old_b_tool']) await store.addVersion({ pkg: makePackage({ name, description: 'Zebraword helper.' }), status: 'verified', reason: 'created', embeddings: [] });
    expect(await migrate({ sql })).toEqual([9]);
    const all = await store.textChanges({ limit: 10 });
    expect(all.upserts.map((each) => each.name)).toEqual(['old_a_tool', 'old_b_tool']);
    expect(await store.textChanges({ since: all.snapshot, limit: 10 })).toMatchObject({ upserts: [], removals: [] });
    await store.addVersion({ pkg: makePackage({ name: 'old_a_tool', version: '1.1.0', description: 'Zebraword maker.' }), status: 'verified', reason: 'improved', embeddings: [] });
    await store.remove({ name: 'old_b_tool' });
    const changed = await store.textChanges({ since: all.snapshot, limit: 10 });
    expect(changed.upserts.map((each) => [each.name, each.texts.description])).toEqual([['old_a_tool', 'Zebraword maker.']]);
    expect(changed.removals).toEqual(['old_b_tool']);
  }, 60_000);
});
