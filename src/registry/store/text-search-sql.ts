/**
 * The CTEs `q` (the query's words, any of them) and `matching` (`name, rank`: the `limit` best
 * full-text matches, ranking at most `budget` of them; `NULL` for no budget). plainto_tsquery stems
 * and drops stop words but ANDs the words; turning & into | lets a tool that matches some of the
 * words rank, with more (and rarer, higher-weighted) matches first. Past the budget, which matches
 * are ranked is the index's order, and a search's vector channels carry it. Arguments are SQL
 * expressions (parameters).
 */
export function matchingCtes(sql: { text: string; limit: string; budget: string }): string {
  return `q AS (SELECT replace(plainto_tsquery('english', ${sql.text}::text)::text, ' & ', ' | ')::tsquery AS any_word),
    matched AS (SELECT t.name, t.search_document FROM tools t, q WHERE t.search_document @@ q.any_word LIMIT ${sql.budget}::int),
    matching AS (SELECT m.name, ts_rank(m.search_document, q.any_word, 32) AS rank FROM matched m, q ORDER BY rank DESC, m.name LIMIT ${sql.limit}::int)`;
}

/** Full-text search of every match: `$1` the query text, `$2` the limit; rows `name, rank`, best first. */
export const TEXT_SEARCH_SQL = `WITH ${matchingCtes({ text: '$1', limit: '$2', budget: 'NULL' })}
  SELECT name, rank FROM matching ORDER BY rank DESC, name`;
