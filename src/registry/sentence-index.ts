import { createThreadedVectorIndex, type ThreadedVectorIndex } from './search/index.ts';
import type { ToolStore } from './store/index.ts';

/**
 * Vectors read per statement. A first load at 100k tools reads 50 pages of ~40 ms each, so a
 * server's event loop is never held long; searches meanwhile use the store's own vector scan.
 */
const PAGE = 2_000;
/** After a failed load, searches use the store's scan for this long before another load is tried. */
const RETRY_AFTER_MS = 30_000;

export interface SentenceIndex {
  /**
   * The in-memory index brought up to date with every write committed before the call, or
   * undefined while its first load runs (or after it failed): search the store's vectors then.
   */
  current(): Promise<ThreadedVectorIndex | undefined>;
  close(): void;
}

/**
 * One embedder's vectors copied into a `ThreadedVectorIndex` and kept current through
 * `ToolStore.embeddingChanges`: a search first asks the store what changed since the snapshot the
 * copy reflects (one statement, two index probes when nothing did) and applies it. The database
 * stays the only source of truth; the copy follows writes from any process.
 */
export function createSentenceIndex(options: {
  store: ToolStore;
  embedderId: string;
  dimensions: number;
  /** Vectors per statement (tests use small pages). */
  pageSize?: number;
}): SentenceIndex {
  const { store, embedderId, dimensions, pageSize = PAGE } = options;
  let index: ThreadedVectorIndex | undefined;
  let snapshot: string | undefined;
  /** The first page of a load in progress; later pages load in the background. */
  let starting: Promise<void> | undefined;
  let loadingInBackground = false;
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
  const applyPages = async (target: ThreadedVectorIndex, since: string | undefined, after: string | undefined): Promise<{ snapshot: string }> => {
    let first: string | undefined;
    for (let page = after; ; ) {
      const changes = await store.embeddingChanges({ embedderId, limit: pageSize, ...(since === undefined ? {} : { since }), ...(page === undefined ? {} : { after: page }) });
      first ??= changes.snapshot;
      if (changes.upserts.length > 0 || changes.removals.length > 0) await target.apply(changes);
      if (!changes.more) return { snapshot: first };
      page = changes.upserts.at(-1)?.name;
    }
  };

  /** Loads a small library at once; a larger one serves from the first page on, once complete. */
  const startLoad = async () => {
    const fresh = createThreadedVectorIndex({ dimensions });
    try {
      const first = await store.embeddingChanges({ embedderId, limit: pageSize });
      if (first.upserts.length > 0) await fresh.apply(first);
      if (closed) {
        fresh.close();
        return;
      }
      if (!first.more) {
        index = fresh;
        snapshot = first.snapshot;
        return;
      }
      loadingInBackground = true;
      void applyPages(fresh, undefined, first.upserts.at(-1)?.name)
        // Writes that land while later pages are read are picked up by the next sync.
        .then(() => (closed ? fresh.close() : ((index = fresh), (snapshot = first.snapshot))), () => failed(fresh))
        .finally(() => (loadingInBackground = false));
    } catch {
      failed(fresh);
    }
  };

  return {
    async current() {
      if (closed) return undefined;
      if (index === undefined) {
        if (starting === undefined && !loadingInBackground && performance.now() - failedAt >= RETRY_AFTER_MS) {
          starting = startLoad().finally(() => (starting = undefined));
        }
        await starting;
        if (index === undefined) return undefined;
      }
      const run = syncs.then(async () => {
        const target = index;
        if (target === undefined) return undefined;
        try {
          ({ snapshot } = await applyPages(target, snapshot, undefined));
          return target;
        } catch {
          // A copy that missed changes must not answer; the store's scan does until it is reloaded.
          failed(target);
          return undefined;
        }
      });
      syncs = run;
      return run;
    },
    close() {
      closed = true;
      index?.close();
      index = undefined;
    },
  };
}
