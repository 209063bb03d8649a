/** The part of `globalThis.toolsmith` this tool uses; the host grants it with the "fs.read" capability. */
export interface FileAccess {
  fs?: { readFile?: (path: string) => Promise<string> };
}

export interface SummarizeFileArgs {
  path: string;
  delimiter?: string;
  header?: boolean;
  top?: number;
}

export function summarize_csv_file(args: SummarizeFileArgs): Promise<CsvSummary & { path: string }> {
  return summarizeCsvFile(args, (globalThis as { toolsmith?: FileAccess }).toolsmith);
}

/** The tool with its file access passed in, so tests can supply their own files. */
export async function summarizeCsvFile({ path, delimiter, header, top }: SummarizeFileArgs, access: FileAccess | undefined): Promise<CsvSummary & { path: string }> {
  if (typeof path !== 'string' || path.trim() === '') throw new Error('path must name a CSV file, e.g. "data/sales.csv"');
  const readFile = access?.fs?.readFile;
  if (typeof readFile !== 'function') {
    throw new Error('file access is unavailable here; run this tool through Toolsmith with the "fs.read" capability granted');
  }
  let text: unknown;
  try {
    text = await readFile.call(access?.fs, path);
  } catch (error) {
    throw new Error(`could not read "${path}": ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof text !== 'string') throw new Error(`could not read "${path}" as text`);
  const options = { ...(delimiter === undefined ? {} : { delimiter }), ...(header === undefined ? {} : { header }), ...(top === undefined ? {} : { top }) };
  let summary: CsvSummary;
  try {
    summary = summarizeCsv(text, options);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return { path, ...summary };
}

export interface ColumnSummary {
  name: string;
  type: 'number' | 'boolean' | 'date' | 'string' | 'empty';
  count: number;
  missing: number;
  unique: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
  median?: number;
  sum?: number;
  top_values?: Array<{ value: string; count: number }>;
}

export interface CsvSummary {
  row_count: number;
  column_count: number;
  columns: ColumnSummary[];
}

export interface SummaryOptions {
  delimiter?: string;
  header?: boolean;
  top?: number;
}

const MISSING = new Set(['', 'na', 'n/a', 'null', 'nan']);
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false|yes|no)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses CSV text and describes each column: its inferred type, counts, and numeric or top-value statistics. */
export function summarizeCsv(text: string, options: SummaryOptions = {}): CsvSummary {
  const { delimiter = ',', header = true, top = 5 } = options;
  if (typeof text !== 'string') throw new Error('the CSV content must be text');
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new Error(`top must be a whole number from 1 to 100, got ${String(top)}`);
  const table = readTable(text, resolveDelimiter(delimiter), header);
  const columns = table.columns.map((name, index) => summarizeColumn(name, table.rows.map((row) => row[index] ?? null), top));
  return { row_count: table.rows.length, column_count: table.columns.length, columns };
}

function summarizeColumn(name: string, cells: Array<string | null>, top: number): ColumnSummary {
  const values = cells.map((cell) => (cell ?? '').trim()).filter((value) => !MISSING.has(value.toLowerCase()));
  const base = { name, count: values.length, missing: cells.length - values.length, unique: new Set(values).size };
  if (values.length === 0) return { ...base, type: 'empty' };
  if (values.every((value) => NUMBER.test(value))) {
    const numbers = values.map(Number).sort((a, b) => a - b);
    const sum = numbers.reduce((total, n) => total + n, 0);
    const middle = Math.floor(numbers.length / 2);
    const median = numbers.length % 2 === 1 ? numbers[middle]! : (numbers[middle - 1]! + numbers[middle]!) / 2;
    return {
      ...base,
      type: 'number',
      unique: new Set(numbers).size,
      min: numbers[0]!,
      max: numbers[numbers.length - 1]!,
      mean: tidy(sum / numbers.length),
      median: tidy(median),
      sum: tidy(sum),
    };
  }
  if (values.every((value) => BOOLEAN.test(value))) {
    const normalized = values.map((value) => String(/^(?:true|yes)$/i.test(value)));
    return { ...base, type: 'boolean', unique: new Set(normalized).size, top_values: topValues(normalized, top) };
  }
  if (values.every(isDate)) {
    const sorted = [...values].sort();
    return { ...base, type: 'date', min: sorted[0]!, max: sorted[sorted.length - 1]!, top_values: topValues(values, top) };
  }
  return { ...base, type: 'string', top_values: topValues(values, top) };
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Most frequent first; ties keep the order of first appearance. */
function topValues(values: string[], top: number): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([value, count]) => ({ value, count }));
}

function tidy(x: number): number {
  const cleaned = Number(x.toPrecision(15));
  return cleaned === 0 ? 0 : cleaned;
}

interface CsvRecords {
  records: string[][];
  /** The line each record starts on, 1-based, for messages. */
  lines: number[];
}

/** RFC 4180 reader: quoted fields may hold delimiters, line breaks and doubled quotes; CRLF, LF and CR all end a record. */
function readRecords(input: string, delimiter: string): CsvRecords {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  const lines: number[] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  let line = 1;
  let recordLine = 1;
  const finishRecord = () => {
    record.push(field);
    // A blank line is skipped; a line holding only "" is a record with one empty field.
    if (!(record.length === 1 && field === '' && !quoted)) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
    field = '';
    quoted = false;
    fieldStart = true;
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (fieldStart && ch === '"') {
      quoted = true;
      fieldStart = false;
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new Error(`line ${openedOn}: a quoted field is never closed; add the closing double quote`);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        throw new Error(`line ${line}: unexpected ${JSON.stringify(next)} after a closing quote; a quoted field must end at a delimiter or line end (write "" for a quote inside it)`);
      }
      continue;
    }
    fieldStart = false;
    if (ch === delimiter) {
      record.push(field);
      field = '';
      quoted = false;
      fieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      finishRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (record.length > 0 || field !== '' || quoted) finishRecord();
  return { records, lines };
}

function resolveDelimiter(delimiter: unknown): string {
  if (delimiter === '\\t' || delimiter === 'tab') return '\t';
  if (typeof delimiter !== 'string' || Array.from(delimiter).length !== 1 || delimiter.length !== 1) {
    throw new Error(`delimiter must be a single character such as "," ";" "|" or "\\t" (tab); got ${JSON.stringify(delimiter)}`);
  }
  if (delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error('delimiter cannot be a double quote or a line break');
  return delimiter;
}

/** Header names, made unique and non-empty: a blank name becomes column_N, a repeat gets _2, _3... */
function headerNames(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim() === '' ? `column_${index + 1}` : cell.trim();
    let name = base;
    for (let n = seen.get(base) ?? 1; seen.has(name); n++) {
      name = `${base}_${n + 1}`;
      seen.set(base, n + 1);
    }
    seen.set(name, seen.get(name) ?? 1);
    return name;
  });
}

/** Table of strings: named columns and rows of equal width (short rows padded with null). */
function readTable(text: string, delimiter: string, header: boolean): { columns: string[]; rows: Array<Array<string | null>> } {
  const { records, lines } = readRecords(text, delimiter);
  if (records.length === 0) return { columns: [], rows: [] };
  const width = header ? records[0]!.length : Math.max(...records.map((record) => record.length));
  const columns = header ? headerNames(records[0]!) : Array.from({ length: width }, (_, i) => `column_${i + 1}`);
  const body = header ? records.slice(1) : records;
  const rows = body.map((record, index) => {
    if (record.length > width) {
      const line = lines[index + (header ? 1 : 0)]!;
      throw new Error(`line ${line} has ${record.length} fields but the header has ${width} columns; quote values that contain the delimiter`);
    }
    return [...record, ...Array<null>(width - record.length).fill(null)];
  });
  return { columns, rows };
}
