import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listStarterPackageDirs, STARTER_QUERIES_FILE } from './index.ts';

const QuerySchema = z.strictObject({ query: z.string().trim().min(3), tool: z.string().min(1) });
const MIN_QUERIES_PER_TOOL = 4;

async function readQueries(): Promise<Array<z.infer<typeof QuerySchema>>> {
  const text = await readFile(STARTER_QUERIES_FILE, 'utf8');
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '')
    .map(({ line, number }) => {
      const parsed = QuerySchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`queries.jsonl:${number}: ${parsed.error.message}`);
      return parsed.data;
    });
}

describe('the starter retrieval queries', () => {
  it('parse as one {query, tool} object a line', async () => {
    const queries = await readQueries();
    expect(queries.length).toBeGreaterThan(0);
  });

  it('name only existing starter packages', async () => {
    const names = new Set((await listStarterPackageDirs()).map((dir) => path.basename(dir)));
    const unknown = (await readQueries()).filter((entry) => !names.has(entry.tool)).map((entry) => entry.tool);
    expect(unknown).toEqual([]);
  });

  it(`give every starter tool at least ${MIN_QUERIES_PER_TOOL} queries`, async () => {
    const queries = await readQueries();
    const thin = (await listStarterPackageDirs())
      .map((dir) => path.basename(dir))
      .filter((name) => queries.filter((entry) => entry.tool === name).length < MIN_QUERIES_PER_TOOL);
    expect(thin).toEqual([]);
  });

  it('hold no duplicate queries', async () => {
    const seen = (await readQueries()).map((entry) => entry.query.toLowerCase());
    expect(seen.length).toBe(new Set(seen).size);
  });
});
