import { access } from 'node:fs/promises';
import { createThreadedVectorIndex, type ThreadedVectorIndex } from './search/index.ts';
import type { EmbeddingChanges, ToolStore } from './store/index.ts';
import { createSyncedCopy, type SyncedCopy } from './synced-copy.ts';

/**
 * Vectors read per statement. A first load from the database at 100k tools reads 200 pages of
 * ~50 ms each (~10 s in all), so a server's event loop is never held long; searches meanwhile use
 * the store's own vector scan.
 */
const PAGE = 500;

/** One embedder's vectors held in memory (see `createEmbeddingIndex`); undefined from `current` means: search the store's vectors. */
export type EmbeddingIndex = SyncedCopy<ThreadedVectorIndex, EmbeddingChanges>;

/**
 * One embedder's vectors copied into a `ThreadedVectorIndex` and kept current through
 * `ToolStore.embeddingChanges` (`createSyncedCopy`). Each embedder's copy has a thread of its
 * own, so a search's word and sentence scans do not queue behind each other.
 */
export function createEmbeddingIndex(options: {
  store: ToolStore;
  embedderId: string;
  dimensions: number;
  /** Vectors per statement (tests use small pages). */
  pageSize?: number;
  /**
   * Where to save the copy (`vector-index-file.ts`), so the next process starts from it and reads
   * only what changed since: a first load reads every vector (~9 s at 100k tools).
   */
  cacheFile?: string;
}): EmbeddingIndex {
  const { store, embedderId, dimensions, pageSize = PAGE, cacheFile } = options;
  return createSyncedCopy<ThreadedVectorIndex, EmbeddingChanges>({
    pageSize,
    read: (page) => store.embeddingChanges({ embedderId, ...page }),
    create: () => createThreadedVectorIndex({ dimensions, lane: embedderId }),
    apply: async (copy, changes) => {
      await copy.apply(changes);
    },
    dispose: (copy) => copy.close(),
    ...(cacheFile === undefined
      ? {}
      : {
          saved: {
            exists: () => access(cacheFile).then(() => true, () => false),
            load: (copy) => copy.load({ path: cacheFile, embedderId }),
            save: (copy, snapshot) => copy.save({ path: cacheFile, embedderId, snapshot }),
          },
        }),
  });
}
