import { describe, expect, it } from 'vitest';
import { summarize_csv_columns } from './tool';

const SALES = [
  'date,region,units,price,paid',
  '2024-01-05,North,10,2.5,yes',
  '2024-02-11,South,4,3.5,no',
  '2024-01-20,North,,4,yes',
  '2023-12-30,East,7,NA,true',
].join('\n');

describe('summarize_csv_columns', () => {
  it('infers each column type and counts rows and columns', () => {
    const summary = summarize_csv_columns({ csv: SALES });
    expect(summary.row_count).toBe(4);
    expect(summary.column_count).toBe(5);
    expect(summary.columns.map((column) => [column.name, column.type])).toEqual([
      ['date', 'date'],
      ['region', 'string'],
      ['units', 'number'],
      ['price', 'number'],
      ['paid', 'boolean'],
    ]);
  });
  it('describes numeric columns, skipping missing values', () => {
    const units = summarize_csv_columns({ csv: SALES }).columns[2];
    expect(units).toEqual({ name: 'units', type: 'number', count: 3, missing: 1, unique: 3, min: 4, max: 10, mean: 7, median: 7, sum: 21 });
    const price = summarize_csv_columns({ csv: SALES }).columns[3];
    expect(price).toMatchObject({ missing: 1, median: 3.5, sum: 10 });
    expect(price!.mean).toBeCloseTo(3.3333333, 6);
  });
  it('lists the most common text values and the date range', () => {
    const [date, region, , , paid] = summarize_csv_columns({ csv: SALES, top: 2 }).columns;
    expect(region!.top_values).toEqual([{ value: 'North', count: 2 }, { value: 'South', count: 1 }]);
    expect(region!.unique).toBe(3);
    expect(date).toMatchObject({ min: '2023-12-30', max: '2024-02-11' });
    expect(paid!.top_values).toEqual([{ value: 'true', count: 3 }, { value: 'false', count: 1 }]);
  });
  it('reports a column with only missing values as empty', () => {
    const summary = summarize_csv_columns({ csv: 'a,b\n1,\n2,n/a' });
    expect(summary.columns[1]).toEqual({ name: 'b', type: 'empty', count: 0, missing: 2, unique: 0 });
  });
  it('treats mixed columns as strings and handles quoted, Unicode and delimited input', () => {
    const summary = summarize_csv_columns({ csv: 'city;code\n"Zürich; CH";1\n東京;A7\n', delimiter: ';' });
    expect(summary.columns[0]!.top_values).toEqual([{ value: 'Zürich; CH', count: 1 }, { value: '東京', count: 1 }]);
    expect(summary.columns[1]!.type).toBe('string');
  });
  it('summarizes empty input as no rows and no columns', () => {
    expect(summarize_csv_columns({ csv: '' })).toEqual({ row_count: 0, column_count: 0, columns: [] });
  });
  it('rejects malformed CSV and bad options', () => {
    expect(() => summarize_csv_columns({ csv: 'a\n"unclosed' })).toThrow('never closed');
    expect(() => summarize_csv_columns({ csv: 'a\n1', top: 0 })).toThrow('top must be a whole number');
    expect(() => summarize_csv_columns({ csv: 5 as unknown as string })).toThrow('csv must be a string');
  });
});
