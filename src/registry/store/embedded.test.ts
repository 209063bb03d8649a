import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openToolStore } from './open-store.ts';
import { defineToolStoreContract } from './store.contract.ts';

defineToolStoreContract({
  engine: 'embedded PGlite',
  open: async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'toolsmith-store-'));
    const opened = await openToolStore({ dataDir });
    return {
      ...opened,
      close: async () => {
        await opened.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
});
