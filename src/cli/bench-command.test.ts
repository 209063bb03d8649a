import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnToolsmith } from './spawn-toolsmith.ts';

const catalog = [
  { name: 'reverse_string', description: 'Reverses the characters of a text.', parameters: { type: 'object', properties: { s: { type: 'string', description: 'the text' } } } },
  { name: 'celsius_to_fahrenheit', description: 'Converts a temperature from Celsius to Fahrenheit.', parameters: { type: 'object', properties: {} } },
  { name: 'count_words', description: 'Counts the words in a piece of text.' },
  { name: 'CsvSummary', description: 'Summarizes the columns of a CSV spreadsheet: mean, min and max.', parameters: { type: 'object', properties: {} } },
];
const queries = [
  { query: 'how warm is 30 degrees celsius in fahrenheit', tool: 'celsius_to_fahrenheit' },
  { query: 'examine this spreadsheet', tool: 'CsvSummary' },
  { query: 'how many words does this essay have', tool: 'count_words' },
];
const lines = (values: unknown[]) => `${values.map((value) => JSON.stringify(value)).join('\n')}\n`;

describe('toolsmith bench retrieval (real CLI, throwaway store)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-bench-'));
    await writeFile(path.join(dir, 'catalog.jsonl'), lines(catalog));
    await writeFile(path.join(dir, 'queries.jsonl'), lines(queries));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints top-1, recall@5, MRR and latency for bm25, every method of the embedder, the sentence encoder alone and fused, and marks the default', async () => {
    const result = await spawnToolsmith(['bench', 'retrieval', '--catalog', path.join(dir, 'catalog.jsonl'), '--queries', path.join(dir, 'queries.jsonl'), '--json'], {
      env: { TOOLSMITH_HOME: dir },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      tools: number;
      queries: number;
      rows: Array<{ method: string; embedder: string | null; sentenceEncoder: string | null; default: boolean; top1: number; recallAt5: number; mrr: number; latencyP95Ms: number }>;
    };
    expect(report.tools).toBe(4);
    expect(report.queries).toBe(3);
    expect(report.rows.map((row) => row.method)).toEqual(['bm25', 'bm25-expanded', 'bm25-wordnet', 'vector', 'name-vector', 'soft', 'hybrid-rrf', 'hybrid-v1', 'hybrid', 'sentence', 'hybrid']);
    expect(report.rows.map((row) => row.default)).toEqual([...Array<boolean>(10).fill(false), true]);
    expect(report.rows[0]?.embedder).toBeNull();
    expect(report.rows[8]).toMatchObject({ embedder: expect.stringMatching(/^word-vectors:/), sentenceEncoder: null });
    expect(report.rows[9]).toMatchObject({ embedder: null, sentenceEncoder: expect.stringMatching(/^use-lite:/) });
    expect(report.rows[10]).toMatchObject({ embedder: expect.stringMatching(/^word-vectors:/), sentenceEncoder: expect.stringMatching(/^use-lite:/) });
    for (const row of report.rows) {
      expect(row.recallAt5).toBeGreaterThanOrEqual(row.top1);
      expect(row.mrr).toBeGreaterThanOrEqual(row.top1);
      expect(row.latencyP95Ms).toBeGreaterThan(0);
    }
    // Four tools: every query's tool is a candidate, so the default finds all three.
    expect(report.rows[10]?.top1).toBe(1);
  }, 60_000);

  it('prints a table in human mode', async () => {
    const result = await spawnToolsmith(['bench', 'retrieval', '--catalog', path.join(dir, 'catalog.jsonl'), '--queries', path.join(dir, 'queries.jsonl')], {
      env: { TOOLSMITH_HOME: dir },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^METHOD\s+VECTORS\s+TOP-1\s+RECALL@5\s+MRR\s+P50 MS\s+P95 MS$/m);
    expect(result.stdout).toMatch(/^hybrid\s+word-vectors:\S+\s+\d/m);
    expect(result.stdout).toMatch(/^hybrid \+ sentence \(default\)\s+word-vectors:\S+ \+ use-lite:/m);
  }, 60_000);

  it('names the file and line of an invalid query line, exit 2', async () => {
    const bad = path.join(dir, 'bad-queries.jsonl');
    await writeFile(bad, `${JSON.stringify(queries[0])}\n{"query": "no tool here"}\n`);
    const result = await spawnToolsmith(['bench', 'retrieval', '--catalog', path.join(dir, 'catalog.jsonl'), '--queries', bad], { env: { TOOLSMITH_HOME: dir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:2: tool:`);
  });

  it('names the file and line of a catalog line that is not JSON, exit 2', async () => {
    const bad = path.join(dir, 'bad-catalog.jsonl');
    await writeFile(bad, `${JSON.stringify(catalog[0])}\n\n{"name": "oops",\n`);
    const result = await spawnToolsmith(['bench', 'retrieval', '--catalog', bad, '--queries', path.join(dir, 'queries.jsonl')], { env: { TOOLSMITH_HOME: dir } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${bad}:3: not JSON`);
  });
});
