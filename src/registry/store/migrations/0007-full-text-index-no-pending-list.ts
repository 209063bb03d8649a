import type { Migration } from './migration.ts';

/**
 * The full-text index without GIN's pending list. With `fastupdate` on (Postgres's default), new
 * entries wait in an unsorted list that every search reads through in full, until the list passes
 * `gin_pending_list_limit` (4 MB) or a vacuum merges it, and embedded PGlite never vacuums. At 100k
 * tools a 178-page list made the full-text statement's index scan take 1.35 ms instead of 0.09,
 * and the whole statement ~3.7 ms instead of ~1.6. Off, each added tool updates the index at once
 * (a few dozen entries); the list already there is merged now.
 */
export const fullTextIndexNoPendingList: Migration = {
  id: 7,
  name: 'full-text-index-no-pending-list',
  statements: [
    `ALTER INDEX tools_search_document_idx SET (fastupdate = off)`,
    // Turning it off stops the list growing but does not empty it.
    `SELECT gin_clean_pending_list('tools_search_document_idx'::regclass)`,
  ],
};
