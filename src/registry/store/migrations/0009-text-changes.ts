import type { Migration } from './migration.ts';

/**
 * Change tracking for the copy of the tools' search texts held in memory (`textChanges`), as
 * migration 5 does for vectors: a tool row is stamped with the transaction that last changed what
 * full-text search reads of it (its document, version or description; not its usage counts), and
 * a removed tool leaves a tombstone stamped the same way.
 */
export const textChanges: Migration = {
  id: 9,
  name: 'text-changes',
  statements: [
    `ALTER TABLE tools ADD COLUMN text_written_by xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    `CREATE INDEX tools_text_written_by_idx ON tools (text_written_by)`,
    `CREATE TABLE tool_removals (
       tool_name text PRIMARY KEY,
       removed_by xid8 NOT NULL
     )`,
    `CREATE INDEX tool_removals_removed_by_idx ON tool_removals (removed_by)`,
    `CREATE FUNCTION stamp_tool_text() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT'
          OR NEW.search_document IS DISTINCT FROM OLD.search_document
          OR NEW.current_version IS DISTINCT FROM OLD.current_version
          OR NEW.description IS DISTINCT FROM OLD.description THEN
         NEW.text_written_by := pg_current_xact_id();
       END IF;
       RETURN NEW;
     END $$`,
    `CREATE FUNCTION record_tool_removal() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO tool_removals (tool_name, removed_by) VALUES (OLD.name, pg_current_xact_id())
       ON CONFLICT (tool_name) DO UPDATE SET removed_by = EXCLUDED.removed_by;
       RETURN OLD;
     END $$`,
    `CREATE TRIGGER tools_text_stamp BEFORE INSERT OR UPDATE ON tools
       FOR EACH ROW EXECUTE FUNCTION stamp_tool_text()`,
    `CREATE TRIGGER tools_removal AFTER DELETE ON tools
       FOR EACH ROW EXECUTE FUNCTION record_tool_removal()`,
  ],
};
