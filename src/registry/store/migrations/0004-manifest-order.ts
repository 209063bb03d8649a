import type { Migration } from './migration.ts';

/**
 * Manifests as `json`, not `jsonb`: jsonb sorts object keys (by length, then bytes), so a tool
 * read back listed its parameters as `to, from, value` instead of the author's `value, from, to`.
 * Parameter order is meaning here: it is the natural phrasing order that argument binding and
 * exported packages rely on. `json` keeps the text as written; the store only reads fields from it.
 * Rows written before this migration keep the sorted order they already had.
 */
export const manifestOrder: Migration = {
  id: 4,
  name: 'manifest-order',
  statements: [`ALTER TABLE tool_versions ALTER COLUMN manifest TYPE json USING manifest::json`],
};
