import type { Migration } from './migration.ts';

/**
 * Change tracking for copies of the vectors held outside the database (the in-memory sentence
 * index, `embeddingChanges`): every written vector row is stamped with the id of the transaction
 * that wrote it, and every removed one leaves a tombstone stamped the same way. A reader that
 * remembers the snapshot it last read at asks for the rows whose writer that snapshot could not
 * see: exact under concurrent writers (unlike a sequence, whose numbers are not in commit order),
 * and a write costs one stamp, not a lock on a shared counter. The random identity tells a copy
 * saved from one database apart from another's (their transaction ids overlap).
 */
export const embeddingChanges: Migration = {
  id: 5,
  name: 'embedding-changes',
  statements: [
    `CREATE TABLE store_identity (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       only_row boolean NOT NULL DEFAULT true UNIQUE CHECK (only_row)
     )`,
    `INSERT INTO store_identity DEFAULT VALUES`,
    `ALTER TABLE tool_embeddings ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id()`,
    `CREATE INDEX tool_embeddings_written_by_idx ON tool_embeddings (embedder, written_by)`,
    `CREATE TABLE tool_embedding_removals (
       embedder text NOT NULL,
       tool_name text NOT NULL,
       removed_by xid8 NOT NULL,
       PRIMARY KEY (embedder, tool_name)
     )`,
    `CREATE INDEX tool_embedding_removals_removed_by_idx ON tool_embedding_removals (embedder, removed_by)`,
    `CREATE FUNCTION stamp_tool_embedding() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW.written_by := pg_current_xact_id();
       RETURN NEW;
     END $$`,
    `CREATE FUNCTION record_tool_embedding_removal() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       INSERT INTO tool_embedding_removals (embedder, tool_name, removed_by)
       VALUES (OLD.embedder, OLD.tool_name, pg_current_xact_id())
       ON CONFLICT (embedder, tool_name) DO UPDATE SET removed_by = EXCLUDED.removed_by;
       RETURN OLD;
     END $$`,
    `CREATE TRIGGER tool_embeddings_stamp BEFORE INSERT OR UPDATE ON tool_embeddings
       FOR EACH ROW EXECUTE FUNCTION stamp_tool_embedding()`,
    `CREATE TRIGGER tool_embeddings_removal AFTER DELETE ON tool_embeddings
       FOR EACH ROW EXECUTE FUNCTION record_tool_embedding_removal()`,
  ],
};
