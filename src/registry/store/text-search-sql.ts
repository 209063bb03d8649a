/**
 * Full-text search: `$1` the query text, `$2` the limit. plainto_tsquery stems and drops stop words
 * but ANDs the words; turning & into | lets a tool that matches some of the words rank, with more
 * (and rarer, higher-weighted) matches first.
 */
export const TEXT_SEARCH_SQL = `WITH q AS (SELECT replace(plainto_tsquery('english', $1::text)::text, ' & ', ' | ')::tsquery AS any_word)
  SELECT t.name, ts_rank(t.search_document, q.any_word, 32) AS rank
  FROM tools t, q
  WHERE t.search_document @@ q.any_word
  ORDER BY rank DESC, t.name LIMIT $2::int`;

