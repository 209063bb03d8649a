import { access } from 'node:fs/promises';
import { createThreadedVectorIndex, type ThreadedVectorIndex } from './search/index.ts';
import type { EmbeddingChanges, ToolStore } from './store/index.ts';

/**
 * Vectors read per statement. A first load from the database at 100k tools reads 200 pages of
 * ~50 ms each (~10 s in all), so a server's event loop is never held long; searches meanwhile use
 * the store's own vector scan.
 */
const PAGE = 500;
/** Changes applied since the copy was last saved that make it worth saving again. */
const SAVE_AFTER_CHANGES = 1_000;
/** After a failed load, searches use the store's scan for this long before another load is tried. */
const RETRY_AFTER_MS = 30_000;

export interface EmbeddingIndex {
  /**
   * The in-memory index brought up to date with every write committed before the call, or
   * undefined while its first load runs (or after it failed): search the store's vectors then.
   * `read` is a first page of changes already read since `syncPoint().since`; it is used only if
   * the copy still reflects that snapshot (else the changes are read again).
   */
  current(read?: { since: string; changes: EmbeddingChanges }): Promise<ThreadedVectorIndex | undefined>;
  /**
   * The snapshot the loaded copy reflects and the page size, for a caller that reads the first page
   * of changes in a statement of its own (`ToolStore.searchContext`) and passes it to `current`.
   */
  syncPoint(): { since: string; limit: number } | undefined;
  /** Loads the copy if it is not loaded, and waits for it (a server at start-up, a benchmark before timing). */
  ready(): Promise<void>;
  close(): void;
}

/**
 * One embedder's vectors copied into a `ThreadedVectorIndex` and kept current through
 * `ToolStore.embeddingChanges`: a search first asks the store what changed since the snapshot the
 * copy reflects (one statement, two index probes when nothing did) and applies it. The database
 * stays the only source of truth; the copy follows writes from any process. Each embedder's copy
 * has a thread of its own, so a search's word and sentence scans do not queue behind each other.
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
  let unsaved = 0;
  /** The saved copy failed to load once; this process loads from the database (and saves anew). */
  let cacheUnusable = false;
  let index: ThreadedVectorIndex | undefined;
  let snapshot: string | undefined;
  /** The first page of a load in progress; later pages load in the background. */
  let starting: Promise<void> | undefined;
  let background: Promise<void> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  let closed = false;
  // Syncs run one at a time, so changes reach the thread in the order the database reported them.
  let syncs: Promise<unknown> = Promise.resolve();

  const failed = (copy: ThreadedVectorIndex) => {
    copy.close();
    if (index === copy) index = undefined;
    failedAt = performance.now();
  };

  /** Applies every page after `after` of the changes since `since`. */
  const applyPages = async (target: ThreadedVectorIndex, since: string | undefined, after: string | undefined): Promise<{ snapshot: string; applied: number }> => {
    let first: string | undefined;
    let applied = 0;
    for (let page = after; ; ) {
      const changes = await store.embeddingChanges({ embedderId, limit: pageSize, ...(since === undefined ? {} : { since }), ...(page === undefined ? {} : { after: page }) });
      first ??= changes.snapshot;
      if (changes.upserts.length > 0 || changes.removals.length > 0) await target.apply(changes);
      applied += changes.upserts.length + changes.removals.length;
      if (!changes.more) return { snapshot: first, applied };
      page = changes.upserts.at(-1)?.name;
    }
  };

  /** Saves in the background; a failed save only means the next process loads from the database. */
  const save = (copy: ThreadedVectorIndex, at: string) => {
    if (cacheFile === undefined) return;
    unsaved = 0;
    copy.save({ path: cacheFile, embedderId, snapshot: at }).catch(() => {});
  };

  /** Puts `copy` in service as of `at`, saving it when asked or when enough changed since the last save. */
  const adopt = (copy: ThreadedVectorIndex, at: string, saveNow: boolean) => {
    if (closed) {
      copy.close();
      return;
    }
    index = copy;
    snapshot = at;
    if (saveNow || unsaved >= SAVE_AFTER_CHANGES) save(copy, at);
  };

  /**
   * Applies `first`, a page of the changes since `since` (every vector without it), and adopts
   * `copy` as of that page's snapshot. When more pages follow (a large library, or a bulk import or
   * reindex, maybe by another process), `copy` is out of service while the rest is read in the
   * background, and the store's scan answers. Writes that land meanwhile are picked up by the next sync.
   */
  const catchUp = async (copy: ThreadedVectorIndex, since: string | undefined, first: EmbeddingChanges, saveNow: boolean) => {
    if (first.upserts.length > 0 || first.removals.length > 0) await copy.apply(first);
    unsaved += first.upserts.length + first.removals.length;
    if (!first.more) {
      adopt(copy, first.snapshot, saveNow);
      return;
    }
    if (index === copy) index = undefined;
    background = applyPages(copy, since, first.upserts.at(-1)?.name)
      .then(
        (rest) => {
          unsaved += rest.applied;
          adopt(copy, first.snapshot, true);
        },
        () => failed(copy),
      )
      .finally(() => (background = undefined));
  };

  /** The saved copy brought up to date, or undefined when there is none usable. */
  const fromCache = async (): Promise<{ copy: ThreadedVectorIndex; snapshot: string } | undefined> => {
    if (cacheFile === undefined) return undefined;
    const copy = createThreadedVectorIndex({ dimensions, lane: embedderId });
    try {
      const saved = await copy.load({ path: cacheFile, embedderId });
      if (saved === undefined) throw new Error('no saved copy');
      const caughtUp = await applyPages(copy, saved, undefined);
      if (caughtUp.applied > 0) save(copy, caughtUp.snapshot);
      return { copy, snapshot: caughtUp.snapshot };
    } catch {
      // Missing, unreadable, of another database (`embedding_snapshot_foreign`): load from the database.
      copy.close();
      return undefined;
    }
  };

  /**
   * From the saved copy when there is one, in the background (the store's scan answers meanwhile);
   * else from the database: a small library at once, a larger one in the background, page by page.
   */
  const startLoad = async () => {
    if (cacheFile !== undefined && !cacheUnusable && (await access(cacheFile).then(() => true, () => false))) {
      background = fromCache()
        .then((cached) => {
          if (cached === undefined) cacheUnusable = true;
          else adopt(cached.copy, cached.snapshot, false);
        })
        .finally(() => (background = undefined));
      return;
    }
    const fresh = createThreadedVectorIndex({ dimensions, lane: embedderId });
    try {
      const first = await store.embeddingChanges({ embedderId, limit: pageSize });
      await catchUp(fresh, undefined, first, first.upserts.length > 0);
    } catch {
      failed(fresh);
    }
  };

  const current = async (read?: { since: string; changes: EmbeddingChanges }): Promise<ThreadedVectorIndex | undefined> => {
    if (closed) return undefined;
    if (index === undefined) {
      if (starting === undefined && background === undefined && performance.now() - failedAt >= RETRY_AFTER_MS) {
        starting = startLoad().finally(() => (starting = undefined));
      }
      await starting;
      if (index === undefined) return undefined;
    }
    const run = syncs.then(async () => {
      const target = index;
      if (target === undefined) return undefined;
      try {
        const since = snapshot;
        const first = read !== undefined && read.since === since ? read.changes : await store.embeddingChanges({ embedderId, limit: pageSize, ...(since === undefined ? {} : { since }) });
        await catchUp(target, since, first, false);
        return index;
      } catch {
        // A copy that missed changes must not answer; the store's scan does until it is reloaded.
        failed(target);
        return undefined;
      }
    });
    syncs = run;
    return run;
  };

  return {
    current,
    syncPoint: () => (closed || index === undefined || snapshot === undefined ? undefined : { since: snapshot, limit: pageSize }),
    async ready() {
      await current();
      // A copy loaded from its saved file may need the database's load after all.
      for (let attempt = 0; attempt < 2 && background !== undefined; attempt++) {
        await background;
        await current();
      }
    },
    close() {
      closed = true;
      index?.close();
      index = undefined;
    },
  };
}
