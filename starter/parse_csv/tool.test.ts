import { describe, expect, it } from 'vitest';
import { parse_csv } from './tool';

describe('parse_csv', () => {
  it('reads a header row and returns rows as objects', () => {
    expect(parse_csv({ text: 'name,age\nAlice,30\nBob,25\n' })).toEqual({
      columns: ['name', 'age'],
      rows: [{ name: 'Alice', age: '30' }, { name: 'Bob', age: '25' }],
      row_count: 2,
    });
  });
  it('handles quoted fields with delimiters, escaped quotes and line breaks', () => {
    const text = 'id,note\r\n1,"Hello, world"\r\n2,"She said ""hi"""\r\n3,"line one\r\nline two"\r\n';
    expect(parse_csv({ text }).rows).toEqual([
      { id: '1', note: 'Hello, world' },
      { id: '2', note: 'She said "hi"' },
      { id: '3', note: 'line one\r\nline two' },
    ]);
  });
  it('supports other delimiters, no header, and a byte-order mark', () => {
    expect(parse_csv({ text: '\uFEFFa;b\n1;2', delimiter: ';' }).rows).toEqual([{ a: '1', b: '2' }]);
    expect(parse_csv({ text: 'x\ty\n1\t2', delimiter: '\\t', header: false })).toEqual({
      columns: ['column_1', 'column_2'],
      rows: [{ column_1: 'x', column_2: 'y' }, { column_1: '1', column_2: '2' }],
      row_count: 2,
    });
  });
  it('infers numbers, booleans and empty values when asked, keeping leading zeros as text', () => {
    const result = parse_csv({ text: 'zip,count,ok,price,note\n02134,12,TRUE,-3.5e2,\n', infer_types: true });
    expect(result.rows[0]).toStrictEqual({ zip: '02134', count: 12, ok: true, price: -350, note: null });
  });
  it('pads short rows with null, names blank and repeated headers, skips blank lines', () => {
    const result = parse_csv({ text: 'a,,a\n1\n\n2,3,4', trim: true });
    expect(result.columns).toEqual(['a', 'column_2', 'a_2']);
    expect(result.rows).toEqual([{ a: '1', column_2: null, a_2: null }, { a: '2', column_2: '3', a_2: '4' }]);
  });
  it('keeps Unicode and treats a "__proto__" column as plain data', () => {
    const result = parse_csv({ text: 'city,__proto__\nZürich,x\n東京,y' });
    expect(result.rows[1]).toEqual({ city: '東京', ['__proto__']: 'y' });
    expect(Object.getPrototypeOf(result.rows[0])).toBe(Object.prototype);
    expect(Object.keys(result.rows[0]!)).toEqual(['city', '__proto__']);
  });
  it('returns no rows for empty input or a header alone', () => {
    expect(parse_csv({ text: '' })).toEqual({ columns: [], rows: [], row_count: 0 });
    expect(parse_csv({ text: 'a,b\n' })).toEqual({ columns: ['a', 'b'], rows: [], row_count: 0 });
  });
  it('reports malformed CSV with its line number', () => {
    expect(() => parse_csv({ text: 'a,b\n1,"open' })).toThrow('line 2: a quoted field is never closed');
    expect(() => parse_csv({ text: 'a,b\n1,2\n3,4,5' })).toThrow('line 3 has 3 fields but the header has 2 columns');
    expect(() => parse_csv({ text: 'a\n"x"y' })).toThrow('after a closing quote');
    expect(() => parse_csv({ text: 'a', delimiter: ';;' })).toThrow('delimiter must be a single character');
  });
});
