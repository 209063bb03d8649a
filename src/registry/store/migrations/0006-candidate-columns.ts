import type { Migration } from './migration.ts';

/**
 * The current version's description and status on the tool's own row, beside its usage counts: a
 * search reads them for each of its ~90 candidates, and reading them through the version's row
 * (a second index probe, and the description parsed out of the manifest's JSON text) cost about
 * as much again as the lookup itself (90 names at 100k tools: ~2.5–3.3 ms against ~1.2–1.8).
 * Written with the current-version pointer, in the same statement (`version-writes.ts`).
 */
export const candidateColumns: Migration = {
  id: 6,
  name: 'candidate-columns',
  statements: [
    `ALTER TABLE tools ADD COLUMN description text, ADD COLUMN status text`,
    `UPDATE tools t SET description = v.manifest->>'description', status = v.status
     FROM tool_versions v WHERE v.tool_name = t.name AND v.version = t.current_version`,
    `ALTER TABLE tools ALTER COLUMN description SET NOT NULL, ALTER COLUMN status SET NOT NULL`,
  ],
};
