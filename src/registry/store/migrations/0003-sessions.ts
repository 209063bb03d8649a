import type { Migration } from './migration.ts';

/**
 * Conversation memory for the agent: sessions with short readable ids, and their messages in
 * order. A `tool` message keeps the call (name, version, arguments) and its JSON result, so a later
 * request can refer to "that"; `result` is SQL NULL when the call failed or returned nothing.
 */
export const sessions: Migration = {
  id: 3,
  name: 'sessions',
  statements: [
    `CREATE TABLE sessions (
       id text PRIMARY KEY,
       title text,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE messages (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       session_id text NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
       role text NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
       content text NOT NULL,
       tool_name text,
       tool_version text,
       arguments jsonb,
       result jsonb,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX messages_session_id_idx ON messages (session_id, id)`,
    `CREATE INDEX sessions_updated_at_idx ON sessions (updated_at DESC)`,
  ],
};
