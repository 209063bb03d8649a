import type { Migration } from './migration.ts';

/**
 * The tool library. A tool's status, manifest and code are those of its current version; vectors
 * and the text-search document always describe the current version.
 */
export const initialSchema: Migration = {
  id: 1,
  name: 'initial',
  statements: [
    `CREATE EXTENSION IF NOT EXISTS vector`,
    `CREATE TABLE tools (
       name text PRIMARY KEY,
       current_version text NOT NULL,
       search_document tsvector NOT NULL DEFAULT ''::tsvector,
       use_count integer NOT NULL DEFAULT 0,
       success_count integer NOT NULL DEFAULT 0,
       failure_count integer NOT NULL DEFAULT 0,
       last_used_at timestamptz,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE tool_versions (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       tool_name text NOT NULL REFERENCES tools (name) ON DELETE CASCADE,
       version text NOT NULL,
       manifest jsonb NOT NULL,
       source text NOT NULL,
       tests text NOT NULL,
       test_results jsonb,
       reason text NOT NULL,
       status text NOT NULL CHECK (status IN ('verified', 'experimental')),
       status_reason text,
       created_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (tool_name, version)
     )`,
    // The current version must exist; checked at commit so a tool and its first version go in together.
    `ALTER TABLE tools ADD CONSTRAINT tools_current_version_fkey
       FOREIGN KEY (name, current_version) REFERENCES tool_versions (tool_name, version)
       DEFERRABLE INITIALLY DEFERRED`,
    `CREATE INDEX tools_search_document_idx ON tools USING gin (search_document)`,
    // One row per embedder; its HNSW index is created when the embedder is first used.
    `CREATE TABLE embedders (
       id text PRIMARY KEY,
       dimensions integer NOT NULL CHECK (dimensions > 0),
       index_name text NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE tool_embeddings (
       tool_name text NOT NULL REFERENCES tools (name) ON DELETE CASCADE,
       embedder text NOT NULL REFERENCES embedders (id),
       version text NOT NULL,
       dimensions integer NOT NULL,
       embedding vector NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (tool_name, embedder),
       CHECK (vector_dims(embedding) = dimensions)
     )`,
    `CREATE TABLE executions (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       tool_name text NOT NULL REFERENCES tools (name) ON DELETE CASCADE,
       version text NOT NULL,
       success boolean NOT NULL,
       error text,
       duration_ms double precision NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX executions_tool_created_idx ON executions (tool_name, created_at)`,
    `CREATE TABLE ranking_policies (
       version integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       weights jsonb NOT NULL,
       bands jsonb NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `INSERT INTO ranking_policies (weights, bands) VALUES
       ('{"similarity": 0.7, "successRate": 0.2, "usage": 0.1}', '{"reuse": 0.80, "check": 0.65}')`,
  ],
};
