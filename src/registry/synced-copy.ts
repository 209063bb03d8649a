/** After a failed load, searches use the store's statements for this long before another load is tried. */
const RETRY_AFTER_MS = 30_000;
/** Changes applied since the copy was last saved that make it worth saving again. */
const SAVE_AFTER_CHANGES = 1_000;

/** A page of a change feed (`ToolStore.embeddingChanges`, `ToolStore.textChanges`). */
export interface ChangePage {
  snapshot: string;
  upserts: ReadonlyArray<{ name: string }>;
  removals: readonly string[];
  more: boolean;
}

export interface SyncedCopy<Copy, Changes extends ChangePage> {
  /**
   * The copy brought up to date with every write committed before the call, or undefined while
   * its first load runs (or after it failed): the store answers then. `read` is a first page of
   * changes already read since `syncPoint().since`; it is used only if the copy still reflects
   * that snapshot (else the changes are read again).
   */
  current(read?: { since: string; changes: Changes }): Promise<Copy | undefined>;
  /**
   * The snapshot the loaded copy reflects and the page size, for a caller that reads the first page
   * of changes in a statement of its own (`ToolStore.searchContext`) and passes it to `current`.
   */
  syncPoint(): { since: string; limit: number } | undefined;
  /** Loads the copy if it is not loaded, and waits for it (a server at start-up, a benchmark before timing). */
  ready(): Promise<void>;
  close(): void;
}

/** How a kind of copy is made, changed and saved. */
export interface CopyKind<Copy, Changes extends ChangePage> {
  /** A page of the changes since `since` (everything without it), after the name `after`. */
  read(options: { since?: string; after?: string; limit: number }): Promise<Changes>;
  create(): Copy;
  apply(copy: Copy, changes: Changes): Promise<void> | void;
  dispose(copy: Copy): void;
  /** Rows per page. */
  pageSize: number;
  /**
   * A saved copy between processes: the next one starts from it and reads only what changed since.
   * `load` resolves with the snapshot it reflects, or undefined when there is none usable.
   */
  saved?: {
    exists(): Promise<boolean>;
    load(copy: Copy): Promise<string | undefined>;
    save(copy: Copy, snapshot: string): Promise<void>;
  };
}

/**
 * A copy of some of the database held outside it (an in-memory index) and kept current through a
 * change feed: before each use it asks the store what changed since the snapshot the copy reflects
 * (one statement, two index probes when nothing did) and applies it. The database stays the only
 * source of truth; the copy follows writes from any process.
 */
export function createSyncedCopy<Copy, Changes extends ChangePage>(kind: CopyKind<Copy, Changes>): SyncedCopy<Copy, Changes> {
  const { pageSize, saved } = kind;
  let unsaved = 0;
  /** The saved copy failed to load once; this process loads from the database (and saves anew). */
  let savedUnusable = false;
  let copyInService: Copy | undefined;
  let snapshot: string | undefined;
  /** The first page of a load in progress; later pages load in the background. */
  let starting: Promise<void> | undefined;
  let background: Promise<void> | undefined;
  let failedAt = Number.NEGATIVE_INFINITY;
  let closed = false;
  // Syncs run one at a time, so changes reach the copy in the order the database reported them.
  let syncs: Promise<unknown> = Promise.resolve();

  const failed = (copy: Copy) => {
    kind.dispose(copy);
    if (copyInService === copy) copyInService = undefined;
    failedAt = performance.now();
  };

  const hasChanges = (changes: Changes) => changes.upserts.length > 0 || changes.removals.length > 0;

  /** Applies every page after `after` of the changes since `since`. */
  const applyPages = async (target: Copy, since: string | undefined, after: string | undefined): Promise<{ snapshot: string; applied: number }> => {
    let first: string | undefined;
    let applied = 0;
    for (let page = after; ; ) {
      const changes = await kind.read({ limit: pageSize, ...(since === undefined ? {} : { since }), ...(page === undefined ? {} : { after: page }) });
      first ??= changes.snapshot;
      if (hasChanges(changes)) await kind.apply(target, changes);
      applied += changes.upserts.length + changes.removals.length;
      if (!changes.more) return { snapshot: first, applied };
      page = changes.upserts.at(-1)?.name;
    }
  };

  /** Saves in the background; a failed save only means the next process loads from the database. */
  const save = (copy: Copy, at: string) => {
    if (saved === undefined) return;
    unsaved = 0;
    saved.save(copy, at).catch(() => {});
  };

  /** Puts `copy` in service as of `at`, saving it when asked or when enough changed since the last save. */
  const adopt = (copy: Copy, at: string, saveNow: boolean) => {
    if (closed) {
      kind.dispose(copy);
      return;
    }
    copyInService = copy;
    snapshot = at;
    if (saveNow || unsaved >= SAVE_AFTER_CHANGES) save(copy, at);
  };

  /**
   * Applies `first`, a page of the changes since `since` (everything without it), and adopts
   * `copy` as of that page's snapshot. When more pages follow (a large library, or a bulk import or
   * reindex, maybe by another process), `copy` is out of service while the rest is read in the
   * background, and the store answers. Writes that land meanwhile are picked up by the next sync.
   */
  const catchUp = async (copy: Copy, since: string | undefined, first: Changes, saveNow: boolean) => {
    if (hasChanges(first)) await kind.apply(copy, first);
    unsaved += first.upserts.length + first.removals.length;
    if (!first.more) {
      adopt(copy, first.snapshot, saveNow);
      return;
    }
    if (copyInService === copy) copyInService = undefined;
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
  const fromSaved = async (): Promise<{ copy: Copy; snapshot: string } | undefined> => {
    if (saved === undefined) return undefined;
    const copy = kind.create();
    try {
      const savedAt = await saved.load(copy);
      if (savedAt === undefined) throw new Error('no saved copy');
      const caughtUp = await applyPages(copy, savedAt, undefined);
      if (caughtUp.applied > 0) save(copy, caughtUp.snapshot);
      return { copy, snapshot: caughtUp.snapshot };
    } catch {
      // Missing, unreadable, of another database (`embedding_snapshot_foreign`): load from the database.
      kind.dispose(copy);
      return undefined;
    }
  };

  /**
   * From the saved copy when there is one, in the background (the store answers meanwhile); else
   * from the database: a small library at once, a larger one in the background, page by page.
   */
  const startLoad = async () => {
    if (saved !== undefined && !savedUnusable && (await saved.exists())) {
      background = fromSaved()
        .then((loaded) => {
          if (loaded === undefined) savedUnusable = true;
          else adopt(loaded.copy, loaded.snapshot, false);
        })
        .finally(() => (background = undefined));
      return;
    }
    const fresh = kind.create();
    try {
      const first = await kind.read({ limit: pageSize });
      await catchUp(fresh, undefined, first, first.upserts.length > 0);
    } catch {
      failed(fresh);
    }
  };

  const current = async (read?: { since: string; changes: Changes }): Promise<Copy | undefined> => {
    if (closed) return undefined;
    if (copyInService === undefined) {
      if (starting === undefined && background === undefined && performance.now() - failedAt >= RETRY_AFTER_MS) {
        starting = startLoad().finally(() => (starting = undefined));
      }
      await starting;
      if (copyInService === undefined) return undefined;
    }
    const run = syncs.then(async () => {
      const target = copyInService;
      if (target === undefined) return undefined;
      try {
        const since = snapshot;
        const first = read !== undefined && read.since === since ? read.changes : await kind.read({ limit: pageSize, ...(since === undefined ? {} : { since }) });
        await catchUp(target, since, first, false);
        return copyInService;
      } catch {
        // A copy that missed changes must not answer; the store does until it is reloaded.
        failed(target);
        return undefined;
      }
    });
    syncs = run;
    return run;
  };

  return {
    current,
    syncPoint: () => (closed || copyInService === undefined || snapshot === undefined ? undefined : { since: snapshot, limit: pageSize }),
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
      if (copyInService !== undefined) kind.dispose(copyInService);
      copyInService = undefined;
    },
  };
}
