import { createMemoryTextIndex, type MemoryTextIndex } from './search/index.ts';
import type { TextChanges, ToolStore } from './store/index.ts';
import { createSyncedCopy, type SyncedCopy } from './synced-copy.ts';

/**
 * Tools read per statement. Texts are smaller than vectors; at 100k tools a first load reads 50
 * pages in the background while searches use the full-text statement.
 */
const PAGE = 2_000;

/** The tools' search texts held in memory (see `createTextIndex`); undefined from `current` means: use the full-text statement. */
export type TextIndex = SyncedCopy<MemoryTextIndex, TextChanges>;

/**
 * Every tool's search text copied into a `MemoryTextIndex` on this thread and kept current through
 * `ToolStore.textChanges` (`createSyncedCopy`): full-text candidates without a statement.
 */
export function createTextIndex(options: { store: ToolStore; pageSize?: number }): TextIndex {
  const { store, pageSize = PAGE } = options;
  return createSyncedCopy<MemoryTextIndex, TextChanges>({
    pageSize,
    read: (page) => store.textChanges(page),
    create: createMemoryTextIndex,
    apply: (copy, changes) => copy.apply(changes),
    // Held on this thread: the garbage collector frees it with its last reference.
    dispose: () => {},
  });
}
