import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readVectorIndexFile, writeVectorIndexFile } from './vector-index-file.ts';

describe('vector index files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-vector-file-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads back what was written, into a folder it creates', async () => {
    const file = path.join(dir, 'nested', 'index.bin');
    const header = { embedderId: 'enc', dimensions: 3, snapshot: 'snap', names: ['a_tool', 'b_tool'] };
    await writeVectorIndexFile(file, { header, vectors: Float32Array.of(1, 0, 0, 0, 0.6, 0.8) });
    const read = await readVectorIndexFile(file);
    expect(read?.header).toEqual(header);
    expect(Array.from(read?.vectors ?? [])).toEqual([1, 0, 0, 0, Math.fround(0.6), Math.fround(0.8)]);
  });

  it('removes temp files a killed save left behind, once they are old', async () => {
    const file = path.join(dir, 'index.bin');
    const abandoned = `${file}.123.456.tmp`;
    const recent = `${file}.789.012.tmp`;
    await writeFile(abandoned, 'half a copy');
    await writeFile(recent, 'a save in progress');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(abandoned, twoHoursAgo, twoHoursAgo);
    await writeVectorIndexFile(file, { header: { embedderId: 'enc', dimensions: 1, snapshot: 's', names: ['a'] }, vectors: Float32Array.of(1) });
    expect((await readdir(dir)).sort()).toEqual(['index.bin', 'index.bin.789.012.tmp']);
  });

  it('treats a missing, foreign, truncated or inconsistent file as no copy at all', async () => {
    const file = path.join(dir, 'index.bin');
    expect(await readVectorIndexFile(file)).toBeUndefined();
    await writeFile(file, 'not an index');
    expect(await readVectorIndexFile(file)).toBeUndefined();
    await writeVectorIndexFile(file, { header: { embedderId: 'enc', dimensions: 2, snapshot: 's', names: ['a', 'b'] }, vectors: Float32Array.of(1, 0, 0, 1) });
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 4));
    expect(await readVectorIndexFile(file)).toBeUndefined();
    // Two names but one vector's worth of values.
    await writeVectorIndexFile(file, { header: { embedderId: 'enc', dimensions: 2, snapshot: 's', names: ['a', 'b'] }, vectors: Float32Array.of(1, 0) });
    expect(await readVectorIndexFile(file)).toBeUndefined();
  });
});
