import { describe, expect, it } from 'vitest';
import { summarizeCsv, summarizeCsvFile, summarize_csv_file, type FileAccess } from './tool';

/** A stand-in for `toolsmith` serving the given files, and refusing any other path the way the host does. */
function files(contents: Record<string, string>, asked: string[] = []): FileAccess {
  return {
    fs: {
      readFile: async (path) => {
        asked.push(path);
        const text = contents[path];
        if (text === undefined) throw new Error(`fs.read: no such file: ${path}`);
        return text;
      },
    },
  };
}

describe('summarizeCsv', () => {
  it('infers column types and computes numeric statistics', () => {
    const summary = summarizeCsv('name,score,joined\nAda,90,2024-01-02\nBo,70,2024-03-04\nCy,,2023-05-06\n');
    expect(summary.row_count).toBe(3);
    expect(summary.columns[1]).toEqual({ name: 'score', type: 'number', count: 2, missing: 1, unique: 2, min: 70, max: 90, mean: 80, median: 80, sum: 160 });
    expect(summary.columns[2]).toMatchObject({ type: 'date', min: '2023-05-06', max: '2024-03-04' });
  });
  it('lists the most common values of text columns', () => {
    const summary = summarizeCsv('color\nred\nblue\nred\ngreen\nred\nblue', { top: 2 });
    expect(summary.columns[0]).toMatchObject({ type: 'string', unique: 3, top_values: [{ value: 'red', count: 3 }, { value: 'blue', count: 2 }] });
  });
  it('reads other delimiters and files without a header', () => {
    const summary = summarizeCsv('1|true\n2|false\n3|yes', { delimiter: '|', header: false });
    expect(summary.columns.map((column) => [column.name, column.type])).toEqual([['column_1', 'number'], ['column_2', 'boolean']]);
  });
  it('handles empty input and columns with only missing values', () => {
    expect(summarizeCsv('')).toEqual({ row_count: 0, column_count: 0, columns: [] });
    expect(summarizeCsv('a,b\n1,NA').columns[1]).toEqual({ name: 'b', type: 'empty', count: 0, missing: 1, unique: 0 });
  });
  it('rejects malformed CSV with a line number', () => {
    expect(() => summarizeCsv('a,b\n1,2,3')).toThrow('line 2 has 3 fields');
  });
});

describe('summarizeCsvFile', () => {
  it('reads the file through the granted file access and summarizes it', async () => {
    const asked: string[] = [];
    const access = files({ 'data/cities.csv': 'city,population\r\nOslo,709000\r\n"Bergen, NO",291000\r\n' }, asked);
    const summary = await summarizeCsvFile({ path: 'data/cities.csv' }, access);
    expect(asked).toEqual(['data/cities.csv']);
    expect(summary).toMatchObject({ path: 'data/cities.csv', row_count: 2, column_count: 2 });
    expect(summary.columns[1]).toMatchObject({ type: 'number', mean: 500000 });
  });
  it('rejects with a clear message when the file cannot be read', async () => {
    await expect(summarizeCsvFile({ path: 'missing.csv' }, files({}))).rejects.toThrow('could not read "missing.csv": fs.read: no such file: missing.csv');
  });
  it('names the file when its content is not valid CSV', async () => {
    await expect(summarizeCsvFile({ path: 'bad.csv' }, files({ 'bad.csv': 'a\n"never closed' }))).rejects.toThrow('bad.csv: line 2: a quoted field is never closed');
  });
  it('rejects when no file access was granted', async () => {
    await expect(summarizeCsvFile({ path: 'x.csv' }, undefined)).rejects.toThrow('file access is unavailable');
    await expect(summarizeCsvFile({ path: 'x.csv' }, {})).rejects.toThrow('file access is unavailable');
  });
});

describe('summarize_csv_file', () => {
  it('rejects an empty path before reading anything', async () => {
    await expect(summarize_csv_file({ path: ' ' })).rejects.toThrow('path must name a CSV file');
  });
  it('rejects clearly when toolsmith.fs.readFile rejects', async () => {
    // Inside Toolsmith the host refuses the missing file; under plain vitest there is no toolsmith, so one is lent.
    const scope = globalThis as { toolsmith?: FileAccess };
    const lent = scope.toolsmith === undefined;
    if (lent) scope.toolsmith = files({});
    try {
      await expect(summarize_csv_file({ path: 'no-such-dir/toolsmith-missing.csv' })).rejects.toThrow(/^could not read "no-such-dir\/toolsmith-missing\.csv": ./);
    } finally {
      if (lent) delete scope.toolsmith;
    }
  });
});
