/**
 * Splits a request into the pieces argument binding reasons about: values (numbers, quoted
 * strings, dates, booleans, bracketed lists), words, punctuation, and the marker that
 * `resolveReferences` leaves where "that" stood. Quoted text is one token, never read inside.
 */
export type RequestToken =
  /** `spelled`: written as a word ("two"), which is often not meant as a value ("the first one"). */
  | { kind: 'number'; value: number; raw: string; percent: boolean; spelled: boolean; start: number; end: number }
  | { kind: 'string'; value: string; raw: string; start: number; end: number }
  | { kind: 'date'; value: string; raw: string; start: number; end: number }
  | { kind: 'boolean'; value: boolean; raw: string; weak: boolean; start: number; end: number }
  | { kind: 'list'; value: unknown[]; raw: string; start: number; end: number }
  | { kind: 'word'; text: string; lower: string; start: number; end: number }
  | { kind: 'symbol'; text: string; start: number; end: number }
  | { kind: 'reference'; raw: string; start: number; end: number };

export type ValueToken = Extract<RequestToken, { kind: 'number' | 'string' | 'date' | 'boolean' | 'list' }>;

/** Where `resolveReferences` marks the phrase it resolved: `now reverse ⟨that⟩`. */
export const REFERENCE_OPEN = '⟨';
export const REFERENCE_CLOSE = '⟩';

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['“', '”'],
  ['‘', '’'],
  ['`', '`'],
];

const SPELLED: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

const ISO_DATE = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\p{L}\p{N}])/uy;
const MONTH_DAY_YEAR = new RegExp(String.raw`${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\p{L}\p{N}])`, 'iuy');
const DAY_MONTH_YEAR = new RegExp(String.raw`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH},?\s+(\d{4})(?![\p{L}\p{N}])`, 'iuy');
const NUMBER = /([$€£¥])?([-−+])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)([eE][-+]?\d+)?(?:(\s?%)|(st|nd|rd|th)(?!\p{L})|(k|K|M|bn)(?![\p{L}\p{N}]))?/uy;
const P_NOTATION = /[pP](\d{1,3}(?:\.\d+)?)(?![\p{L}\p{N}])/uy;
const WORD = /[\p{L}°][\p{L}\p{N}_]*(?:['’]\p{L}+)?(?:-[\p{L}\p{N}_]+)*/uy;
const SPACE = /\s+/y;

const MULTIPLIER: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, bn: 1e9 };

/** Tokenizes `text`; positions are UTF-16 offsets into it. */
export function tokenizeRequest(text: string): RequestToken[] {
  const tokens: RequestToken[] = [];
  let i = 0;
  while (i < text.length) {
    const space = matchAt(SPACE, text, i);
    if (space !== null) {
      i += space[0].length;
      continue;
    }
    const token = readToken(text, i);
    if (Array.isArray(token)) tokens.push(...token);
    else tokens.push(token);
    const last = Array.isArray(token) ? token[token.length - 1] : token;
    i = last === undefined ? i + 1 : last.end;
  }
  return tokens;
}

function readToken(text: string, i: number): RequestToken | RequestToken[] {
  const startsFresh = i === 0 || !/[\p{L}\p{N}]/u.test(text[i - 1] ?? '');
  const char = text[i] ?? '';

  if (char === REFERENCE_OPEN) {
    const close = text.indexOf(REFERENCE_CLOSE, i + 1);
    if (close > i) return { kind: 'reference', raw: text.slice(i, close + 1), start: i, end: close + 1 };
  }
  if (startsFresh) {
    const quoted = readQuoted(text, i);
    if (quoted !== null) return quoted;
  }
  if (char === '[') {
    const list = readBracketList(text, i);
    if (list !== null) return list;
  }
  if (startsFresh) {
    const date = readDate(text, i);
    if (date !== null) return date;
    const number = readNumber(text, i);
    if (number !== null) return number;
  }
  const word = matchAt(WORD, text, i);
  if (word !== null) return splitWord(word[0], i);
  return { kind: 'symbol', text: char, start: i, end: i + 1 };
}

function readQuoted(text: string, i: number): RequestToken | null {
  for (const [open, close] of QUOTES) {
    if (!text.startsWith(open, i)) continue;
    // A closing quote must end a word, so the apostrophe in "It's" does not close 'It's fine'.
    let from = i + open.length;
    for (;;) {
      const at = text.indexOf(close, from);
      if (at < 0) break;
      const after = text[at + close.length] ?? '';
      if (open === close && /[\p{L}\p{N}]/u.test(after)) {
        from = at + close.length;
        continue;
      }
      return { kind: 'string', value: text.slice(i + open.length, at), raw: text.slice(i, at + close.length), start: i, end: at + close.length };
    }
  }
  return null;
}

function readBracketList(text: string, i: number): RequestToken | null {
  const close = text.indexOf(']', i);
  if (close < 0) return null;
  const raw = text.slice(i, close + 1);
  if (raw.slice(1).includes('[')) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw.replaceAll(/[‘’]/g, "'").replaceAll(/[“”]/g, '"').replaceAll("'", '"'));
  } catch {
    const parts = raw.slice(1, -1).split(/\s*[,;]\s*|\s+/).filter((part) => part !== '');
    const numbers = parts.map((part) => Number(part.replace('−', '-')));
    if (parts.length === 0 || numbers.some((n) => !Number.isFinite(n))) return null;
    value = numbers;
  }
  if (!Array.isArray(value) || value.some((item) => typeof item === 'object' && item !== null)) return null;
  return { kind: 'list', value, raw, start: i, end: close + 1 };
}

function readDate(text: string, i: number): RequestToken | null {
  const iso = matchAt(ISO_DATE, text, i);
  if (iso !== null) return { kind: 'date', value: iso[0], raw: iso[0], start: i, end: i + iso[0].length };
  const mdy = matchAt(MONTH_DAY_YEAR, text, i);
  const dmy = mdy === null ? matchAt(DAY_MONTH_YEAR, text, i) : null;
  const found = mdy ?? dmy;
  if (found === null) return null;
  const [month, day, year] = mdy === null ? [found[2], found[1], found[3]] : [found[1], found[2], found[3]];
  const monthIndex = MONTHS.indexOf((month ?? '').slice(0, 3).toLowerCase());
  const dayNumber = Number(day);
  const iso8601 = `${year}-${String(monthIndex + 1).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
  const date = new Date(`${iso8601}T00:00:00Z`);
  if (monthIndex < 0 || Number.isNaN(date.getTime()) || date.getUTCDate() !== dayNumber) return null;
  return { kind: 'date', value: iso8601, raw: found[0], start: i, end: i + found[0].length };
}

function readNumber(text: string, i: number): RequestToken | null {
  const p = matchAt(P_NOTATION, text, i);
  if (p !== null) return { kind: 'number', value: Number(p[1]), raw: p[0], percent: false, spelled: false, start: i, end: i + p[0].length };
  const match = matchAt(NUMBER, text, i);
  if (match === null) return null;
  const [raw, , sign, digits = '', exponent = '', percent, , multiplier] = match;
  // A sign counts only when it starts the number ("-3.5"), not in "10-20".
  const negative = sign === '-' || sign === '−';
  let value = Number(`${digits.replaceAll(',', '')}${exponent}`) * (negative ? -1 : 1);
  if (multiplier !== undefined) value *= MULTIPLIER[multiplier] ?? 1;
  if (!Number.isFinite(value)) return null;
  return { kind: 'number', value, raw, percent: percent !== undefined, spelled: false, start: i, end: i + raw.length };
}

/** `snake_case`, `kebab-case` and `camelCase` words become their parts; number and boolean words become values. */
function splitWord(word: string, start: number): RequestToken[] {
  const parts = word
    .split(/[_-]+/)
    // camelCase splits after two lower-case letters, so units like MiB and kWh stay whole.
    .flatMap((part) => part.split(/(?<=\p{Ll}{2})(?=\p{Lu})/u))
    .filter((part) => part !== '');
  const tokens: RequestToken[] = [];
  let offset = start;
  for (const part of parts) {
    const at = word.indexOf(part, offset - start) + start;
    const end = at + part.length;
    offset = end;
    const lower = part.toLowerCase();
    const spelled = SPELLED[lower];
    if (spelled !== undefined) tokens.push({ kind: 'number', value: spelled, raw: part, percent: false, spelled: true, start: at, end });
    else if (lower === 'true' || lower === 'false') tokens.push({ kind: 'boolean', value: lower === 'true', raw: part, weak: false, start: at, end });
    else if (lower === 'yes' || lower === 'no') tokens.push({ kind: 'boolean', value: lower === 'yes', raw: part, weak: true, start: at, end });
    else tokens.push({ kind: 'word', text: part, lower, start: at, end });
  }
  // The token loop resumes after the whole written word, hyphens and underscores included.
  const last = tokens[tokens.length - 1];
  if (last !== undefined) last.end = start + word.length;
  return tokens;
}

function matchAt(pattern: RegExp, text: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(text);
}

/** Whether a token holds a value an argument can take. */
export function isValueToken(token: RequestToken): token is ValueToken {
  return token.kind === 'number' || token.kind === 'string' || token.kind === 'date' || token.kind === 'boolean' || token.kind === 'list';
}
