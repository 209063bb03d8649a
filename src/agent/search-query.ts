import { tokenizeRequest } from './tokenize-request.ts';

/**
 * What the registry is searched with: the request without the text it quotes. Quoted text is an
 * argument, not the capability asked for ("Reverse 'Python'" asks for reversing, not for Python),
 * and its words would otherwise pull the match towards unrelated tools.
 *
 * Numbers and dates stay: the registry search leaves values out of the words it matches and
 * matches the phrasing around them instead (`src/registry/value-phrases.ts`), which is what tells
 * "X percent of Y" from "X is what percent of Y".
 *
 * @example
 * searchQueryOf("Reverse the string 'hello world'"); // 'Reverse the string'
 */
export function searchQueryOf(request: string): string {
  const quoted = tokenizeRequest(request).filter((token) => token.kind === 'string' && /^['"“‘`]/.test(token.raw));
  if (quoted.length === 0) return request;
  let query = '';
  let from = 0;
  for (const token of quoted) {
    if (token.kind !== 'string') continue;
    query += `${request.slice(from, token.start)} `;
    from = token.end;
  }
  query += request.slice(from);
  const cleaned = query.replace(/\s+/g, ' ').replace(/\s+([?.!,;:])/g, '$1').trim();
  // A request that is nothing but quoted text keeps its words: they are all there is to go on.
  return /[\p{L}]/u.test(cleaned) ? cleaned : request;
}
