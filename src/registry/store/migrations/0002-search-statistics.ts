import type { Migration } from './migration.ts';

/**
 * Catalog-wide statistics for re-scoring search candidates without reading the whole catalog:
 * each tool's distinct lexical terms and field-weighted length (written with its search document),
 * and, kept in step by a trigger, how many tools hold each term plus the tool count and total
 * length (BM25's document frequencies and average length). Tools stored before this migration
 * have no terms yet (`search_length = 0`); the store fills them in on the first statistics read.
 */
export const searchStatistics: Migration = {
  id: 2,
  name: 'search-statistics',
  statements: [
    `ALTER TABLE tools ADD COLUMN search_terms text[] NOT NULL DEFAULT '{}'`,
    `ALTER TABLE tools ADD COLUMN search_length double precision NOT NULL DEFAULT 0`,
    `CREATE TABLE search_term_counts (
       term text PRIMARY KEY,
       tools integer NOT NULL CHECK (tools >= 0)
     )`,
    // One row: the tool count and the sum of search_length.
    `CREATE TABLE search_totals (
       id boolean PRIMARY KEY DEFAULT true CHECK (id),
       tools bigint NOT NULL,
       total_length double precision NOT NULL
     )`,
    `INSERT INTO search_totals (id, tools, total_length) SELECT true, count(*), 0 FROM tools`,
    `CREATE FUNCTION tools_search_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP IN ('UPDATE', 'DELETE') THEN
         UPDATE search_term_counts c SET tools = c.tools - 1
           FROM unnest(OLD.search_terms) AS gone(term) WHERE c.term = gone.term;
         UPDATE search_totals SET tools = tools - 1, total_length = total_length - OLD.search_length;
       END IF;
       IF TG_OP IN ('INSERT', 'UPDATE') THEN
         INSERT INTO search_term_counts (term, tools)
           SELECT DISTINCT added.term, 1 FROM unnest(NEW.search_terms) AS added(term)
           ON CONFLICT (term) DO UPDATE SET tools = search_term_counts.tools + 1;
         UPDATE search_totals SET tools = tools + 1, total_length = total_length + NEW.search_length;
       END IF;
       RETURN NULL;
     END
     $$`,
    `CREATE TRIGGER tools_search_statistics_insert_delete AFTER INSERT OR DELETE ON tools
       FOR EACH ROW EXECUTE FUNCTION tools_search_statistics()`,
    `CREATE TRIGGER tools_search_statistics_update AFTER UPDATE OF search_terms, search_length ON tools
       FOR EACH ROW WHEN (OLD.search_terms IS DISTINCT FROM NEW.search_terms OR OLD.search_length IS DISTINCT FROM NEW.search_length)
       EXECUTE FUNCTION tools_search_statistics()`,
  ],
};
