/**
 * A synthetic but realistic tool catalog for scale benchmarks: names and descriptions combine real
 * English words from fixed lists (an action, an object, a format or domain, a qualifier) with a
 * seeded generator, so full-text search and word vectors meet ordinary vocabulary with ordinary
 * skew (earlier list entries are drawn more often, as common words are). The same seed gives the same catalog.
 */
import type { BenchmarkTool } from '../src/registry/index.ts';

const ACTIONS: ReadonlyArray<readonly [verb: string, third: string, synonym: string]> = [
  ['convert', 'Converts', 'transform'], ['parse', 'Parses', 'read'], ['validate', 'Validates', 'check'], ['format', 'Formats', 'tidy'],
  ['extract', 'Extracts', 'pull'], ['summarize', 'Summarizes', 'digest'], ['compare', 'Compares', 'diff'], ['merge', 'Merges', 'combine'],
  ['split', 'Splits', 'divide'], ['filter', 'Filters', 'select'], ['sort', 'Sorts', 'order'], ['count', 'Counts', 'tally'],
  ['search', 'Searches', 'find'], ['translate', 'Translates', 'render'], ['compress', 'Compresses', 'shrink'], ['encrypt', 'Encrypts', 'protect'],
  ['decode', 'Decodes', 'unpack'], ['encode', 'Encodes', 'pack'], ['calculate', 'Calculates', 'compute'], ['estimate', 'Estimates', 'predict'],
  ['schedule', 'Schedules', 'plan'], ['monitor', 'Monitors', 'watch'], ['generate', 'Generates', 'create'], ['clean', 'Cleans', 'scrub'],
  ['normalize', 'Normalizes', 'standardize'], ['rank', 'Ranks', 'score'], ['group', 'Groups', 'cluster'], ['export', 'Exports', 'save'],
  ['import', 'Imports', 'load'], ['resize', 'Resizes', 'scale'], ['rotate', 'Rotates', 'turn'], ['detect', 'Detects', 'spot'],
  ['classify', 'Classifies', 'label'], ['tokenize', 'Tokenizes', 'segment'], ['aggregate', 'Aggregates', 'total'], ['archive', 'Archives', 'store'],
  ['fetch', 'Fetches', 'download'], ['publish', 'Publishes', 'post'], ['verify', 'Verifies', 'confirm'], ['redact', 'Redacts', 'hide'],
];
const OBJECTS = [
  'table', 'invoice', 'address', 'email', 'date', 'timestamp', 'currency', 'temperature', 'distance', 'image', 'photo', 'document',
  'report', 'spreadsheet', 'column', 'record', 'message', 'contact', 'calendar', 'event', 'order', 'product', 'price', 'review',
  'comment', 'sentence', 'paragraph', 'keyword', 'name', 'phone', 'password', 'token', 'url', 'link', 'file', 'folder', 'log',
  'metric', 'chart', 'graph', 'map', 'route', 'recipe', 'ingredient', 'song', 'playlist', 'video', 'subtitle', 'book', 'citation',
  'ticket', 'flight', 'hotel', 'weather', 'forecast', 'stock', 'portfolio', 'loan', 'payment', 'receipt', 'budget', 'expense',
  'salary', 'employee', 'customer', 'patient', 'symptom', 'medication', 'vaccine', 'student', 'grade', 'course', 'exam', 'question',
  'answer', 'survey', 'vote', 'poll', 'tweet', 'post', 'hashtag', 'domain', 'certificate', 'package', 'dependency', 'commit',
  'branch', 'issue', 'query', 'schema', 'index', 'backup', 'server', 'container', 'cluster', 'sensor', 'reading', 'signal',
];
const FORMATS = [
  'json', 'csv', 'xml', 'yaml', 'markdown', 'html', 'pdf', 'text', 'spreadsheet', 'database', 'calendar', 'zip', 'image', 'audio',
  'english', 'spanish', 'french', 'german', 'metric', 'imperial', 'unicode', 'binary', 'hexadecimal', 'base64', 'sql', 'graph',
];
const QUALIFIERS = [
  'duplicate', 'missing', 'large', 'daily', 'weekly', 'monthly', 'recent', 'old', 'invalid', 'sensitive', 'public', 'private',
  'nested', 'empty', 'long', 'short', 'noisy', 'raw', 'encoded', 'localized', 'shared', 'archived', 'pending', 'overdue',
];
const PURPOSES = [
  'for reporting dashboards', 'before sending it to a customer', 'so it can be imported elsewhere', 'for an audit trail',
  'to save storage space', 'for accessibility', 'so that search works better', 'for a weekly summary', 'to catch mistakes early',
  'for compliance checks', 'to share with a team', 'for offline use', 'for a mobile app', 'for data analysis', 'to speed up reviews',
];
const DETAILS = [
  'keeping the original order', 'ignoring case and extra spaces', 'with a configurable limit', 'and reports what changed',
  'handling time zones correctly', 'with optional rounding', 'skipping invalid entries', 'and returns a short summary',
  'preserving line breaks', 'in a single pass', 'with friendly error messages', 'and flags anything unusual',
];

/** A small seeded generator (mulberry32): the same seed gives the same catalog on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Skewed pick: earlier entries more often (roughly Zipf-like), as in real text. */
function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(list.length * random() ** 1.6)] as T;
}

export interface SyntheticQuery {
  query: string;
  tool: string;
}

/**
 * `count` distinct tools, and `queryCount` requests each aimed at one of them, worded with a synonym
 * of its action (so a query is not a copy of its tool's text).
 */
export function syntheticCatalog(options: { count: number; queryCount?: number; seed?: number }): { tools: BenchmarkTool[]; queries: SyntheticQuery[] } {
  const random = seededRandom(options.seed ?? 20_261_123);
  const tools: BenchmarkTool[] = [];
  const meta: Array<{ synonym: string; object: string; format: string; qualifier: string }> = [];
  const seen = new Set<string>();
  while (tools.length < options.count) {
    const [verb, third, synonym] = pick(random, ACTIONS);
    const object = pick(random, OBJECTS);
    const format = pick(random, FORMATS);
    const qualifier = pick(random, QUALIFIERS);
    let name = `${verb}_${qualifier}_${object}_${format}`;
    if (seen.has(name)) name = `${name}_${Math.floor(random() * 1e6).toString(36).replace(/^\d+/, '')}v${tools.length}`;
    seen.add(name);
    const description = `${third} ${qualifier} ${object} entries in ${format} ${pick(random, DETAILS)}, ${pick(random, PURPOSES)}.`;
    tools.push({
      name,
      description,
      parameters: { properties: { input: { description: `the ${object} data as ${format}` }, limit: { description: 'at most this many results' } } },
    });
    meta.push({ synonym, object, format, qualifier });
  }
  const queries: SyntheticQuery[] = [];
  for (let i = 0; i < (options.queryCount ?? 0); i += 1) {
    const target = Math.floor(random() * tools.length);
    const tool = tools[target] as BenchmarkTool;
    const { synonym, object, format, qualifier } = meta[target] as (typeof meta)[number];
    queries.push({ query: `${synonym} the ${qualifier} ${object} items from my ${format} file`, tool: tool.name });
  }
  return { tools, queries };
}
