import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';
import { useScratchDatabase } from '../test-support/scratch-database.ts';
import { createToolStore } from '../tool-store.ts';
import { makePackage } from '../test-support/fixtures.ts';

describe('migration 8 (search statistics generation)', () => {
  const scratch = useScratchDatabase();

  it('keeps the counts of a library written before it, and raises the generation with every change after', async () => {
    const sql = await scratch.open(8);
    const store = createToolStore({ sql });
    await store.addVersion({ pkg: makePackage({ name: 'old_tool', description: 'Zebraword helper.' }), status: 'verified', reason: 'created', embeddings: [] });
    expect(await migrate({ sql, migrations: MIGRATIONS.filter((migration) => migration.id <= 8) })).toEqual([8]);
    const migrated = await store.searchStatistics({ terms: ['zebraword'] });
    expect([migrated.tools, migrated.documentFrequency.get('zebraword'), migrated.generation]).toEqual([1, 1, 0]);
    // The trigger migration 2 made is the one replaced: a write through it moves the generation.
    await store.addVersion({ pkg: makePackage({ name: 'new_tool', description: 'Zebraword maker.' }), status: 'verified', reason: 'created', embeddings: [] });
    const after = await store.searchStatistics({ terms: ['zebraword'] });
    expect([after.tools, after.documentFrequency.get('zebraword')]).toEqual([2, 2]);
    expect(after.generation).toBeGreaterThan(0);
  }, 60_000);
});
