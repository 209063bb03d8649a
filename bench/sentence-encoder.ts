/**
 * `node --no-node-snapshot bench/sentence-encoder.ts`: the sentence encoder alone, one query at a
 * time, as a search starts it (`embed` of one text; the model runs in its own thread), on short
 * and long requests. Its dense layers run on the int16 kernel (`int16-matmul.wat`).
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { createSentenceEncoder } from '../src/registry/index.ts';
import { STARTER_QUERIES_FILE } from '../src/starter/index.ts';
import { measure, printTable, type Summary } from './stats.ts';

export async function benchSentenceEncoder(): Promise<void> {
  const encoder = createSentenceEncoder();
  const queries = (await readFile(STARTER_QUERIES_FILE, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { query: string }).query);
  const short = queries.filter((query) => query.split(/\s+/).length <= 6);
  const long = queries.map((query, i) => `${query} and then ${queries[(i + 7) % queries.length] ?? ''}`);
  // The first call loads the model (~0.2 s); it is not what a search pays once the process runs.
  await encoder.embed({ texts: ['load the model'] });
  const rows: Summary[] = [];
  for (const [label, set] of [['short request (≤ 6 words)', short], ['long request (two joined)', long]] as const) {
    let next = 0;
    rows.push(await measure(`encode one ${label}`, () => encoder.embed({ texts: [set[next++ % set.length] ?? 'convert a table'] }), { runs: 200, warmup: 20, note: `load ${loadavg()[0]?.toFixed(2)}` }));
  }
  printTable('Sentence encoder alone (int16 kernels, its own thread)', rows);
}

if (import.meta.main) await benchSentenceEncoder();
