import { contentWords, stem } from './search/index.ts';

/**
 * Values in search text: what a request passes to a tool, not what it asks the tool to do.
 *
 * A number, date or list in a query is a word no tool knows ("10", "2024-02-29"), which drags the
 * calibrated similarity down, or a digit some description happens to quote ("15 percent of 300"),
 * which makes a spurious match. So the words searched leave values out (`withoutValues`).
 *
 * Leaving them out loses word order, and with it the difference between "what is 10 percent of
 * 300" and "10 is what percent of 300". `phraseMatch` keeps that: values become a slot in both the
 * query and the tool's description (where example values and the placeholders X, Y, N are slots
 * too), and it scores how many of the words around the query's slots sit the same way around a slot
 * in the description.
 */

/** A number as people write one: signs, currency, thousands separators, decimals, exponents, ordinals; dates and times (2024-02-29, 1:30:00). */
const VALUE = /(?<![\p{L}\p{N}_])[$€£¥]?[-−+]?(?:\d[\d,.:/-]*\d|\d)(?:[eE][-+]?\d+)?(?:st|nd|rd|th)?(?![\p{L}\p{N}_])/gu;
/** Placeholders descriptions write for values: "what is X percent of Y", "N weeks from a date". */
const PLACEHOLDER = /(?<![\p{L}\p{N}_])(?:[XYN]|YYYY-MM-DD|hh:mm(?::ss)?|mm:ss|h:mm:ss)(?![\p{L}\p{N}_])/gu;
const SLOT = '\u0000';
/** Words compared by the first letters of their stem, so "percentage" meets "percent". */
const STEM_PREFIX = 7;

/**
 * The text with its values left out and "%" written as a word.
 * A text with no content word but its values keeps them: they are all there is to go on.
 *
 * @example
 * withoutValues('what is 20% of 80'); // 'what is  percent of '
 */
export function withoutValues(text: string): string {
  const out = text.replace(/%/g, ' percent ').replace(VALUE, ' ');
  return contentWords(out).length > 0 ? out : text;
}

/** Whether the text holds a value. */
export function hasValues(text: string): boolean {
  VALUE.lastIndex = 0;
  const found = VALUE.test(text);
  VALUE.lastIndex = 0;
  return found;
}

/** Words (stem prefixes) and slots, punctuation dropped, runs of slots ("4, 8, 15") one slot. */
function phraseTokens(text: string, options: { placeholders: boolean }): string[] {
  let marked = text.replace(/%/g, ' percent ').replace(VALUE, ` ${SLOT} `);
  if (options.placeholders) marked = marked.replace(PLACEHOLDER, ` ${SLOT} `);
  const tokens: string[] = [];
  for (const raw of marked.toLowerCase().split(/[^\p{L}\p{N}\u0000]+/u)) {
    if (raw === '') continue;
    const token = raw === SLOT ? SLOT : stem(raw).slice(0, STEM_PREFIX);
    if (token === SLOT && tokens[tokens.length - 1] === SLOT) continue;
    tokens.push(token);
  }
  return tokens;
}

/** The word sequences (two to four tokens) of a description that hold a slot. */
export function descriptionPhrases(description: string): ReadonlySet<string> {
  const tokens = phraseTokens(description, { placeholders: true });
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i += 1) {
    for (let n = 2; n <= 4 && i + n <= tokens.length; n += 1) {
      const gram = tokens.slice(i, i + n);
      if (gram.includes(SLOT)) out.add(gram.join(' '));
    }
  }
  return out;
}

/** Around each of the query's slots: one and two words before and after, and the words bridging to the next slot; weighted by word count. */
function queryPhrases(query: string): Array<{ phrase: string; weight: number }> {
  const tokens = phraseTokens(query, { placeholders: false });
  const out = new Map<string, number>();
  const add = (gram: readonly string[]) => out.set(gram.join(' '), gram.filter((token) => token !== SLOT).length);
  tokens.forEach((token, i) => {
    if (token !== SLOT) return;
    if (i >= 1) add(tokens.slice(i - 1, i + 1));
    if (i >= 2 && tokens[i - 2] !== SLOT) add(tokens.slice(i - 2, i + 1));
    if (i + 1 < tokens.length) add(tokens.slice(i, i + 2));
    if (i + 2 < tokens.length && tokens[i + 2] !== SLOT) add(tokens.slice(i, i + 3));
    for (let n = 3; n <= 4; n += 1) if (tokens[i + n - 1] === SLOT) add(tokens.slice(i, i + n));
  });
  return [...out].map(([phrase, weight]) => ({ phrase, weight }));
}

/**
 * How much of the phrasing around the query's values the description shares, in [0, 1]; 0 for a
 * query without values.
 *
 * @example
 * phraseMatch({ query: 'what is 10 percent of 300', phrases: descriptionPhrases('what is X percent of Y') }); // 1
 */
export function phraseMatch(options: { query: string; phrases: ReadonlySet<string> }): number {
  const wanted = queryPhrases(options.query);
  const total = wanted.reduce((sum, { weight }) => sum + weight, 0);
  if (total === 0) return 0;
  const found = wanted.reduce((sum, { phrase, weight }) => sum + (options.phrases.has(phrase) ? weight : 0), 0);
  return found / total;
}
