import type { Migration } from './migration.ts';

/**
 * A generation number for the search statistics, raised by every change to them (the trigger of
 * migration 2 and a recount). Statistics read at the same generation agree, so a search may keep
 * the document frequencies it has read until the generation moves (`registry/frequency-cache.ts`);
 * at 100k tools the statistics statement then ran in 1–4% of searches once a few hundred had run.
 */
export const searchStatisticsGeneration: Migration = {
  id: 8,
  name: 'search-statistics-generation',
  statements: [
    `ALTER TABLE search_totals ADD COLUMN generation bigint NOT NULL DEFAULT 0`,
    // Migration 2's function with the generation raised: both of its updates of the totals row
    // stand for a change to the counts in the same statement.
    `CREATE OR REPLACE FUNCTION tools_search_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP IN ('UPDATE', 'DELETE') THEN
         UPDATE search_term_counts c SET tools = c.tools - 1
           FROM unnest(OLD.search_terms) AS gone(term) WHERE c.term = gone.term;
         UPDATE search_totals SET tools = tools - 1, total_length = total_length - OLD.search_length, generation = generation + 1;
       END IF;
       IF TG_OP IN ('INSERT', 'UPDATE') THEN
         INSERT INTO search_term_counts (term, tools)
           SELECT DISTINCT added.term, 1 FROM unnest(NEW.search_terms) AS added(term)
           ON CONFLICT (term) DO UPDATE SET tools = search_term_counts.tools + 1;
         UPDATE search_totals SET tools = tools + 1, total_length = total_length + NEW.search_length, generation = generation + 1;
       END IF;
       RETURN NULL;
     END
     $$`,
  ],
};
