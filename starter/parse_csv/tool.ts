export interface ParseCsvOptions {
  text: string;
  delimiter?: string;
  header?: boolean;
  trim?: boolean;
  infer_types?: boolean;
}

type Cell = string | number | boolean | null;

export function parse_csv(options: ParseCsvOptions): { columns: string[]; rows: Array<Record<string, Cell>>; row_count: number } {
  const { text, delimiter = ',', header = true, trim = false, infer_types = false } = options;
  if (typeof text !== 'string') throw new Error('text must be a string holding CSV content');
  const table = readTable(text, resolveDelimiter(delimiter), header);
  const rows = table.rows.map((cells) => {
    const row: Record<string, Cell> = {};
    table.columns.forEach((name, i) => {
      const raw = cells[i] ?? null;
      const value = raw === null ? null : trim ? raw.trim() : raw;
      // defineProperty, so a column named "__proto__" becomes data instead of changing the prototype.
      Object.defineProperty(row, name, { value: infer_types ? inferType(value) : value, enumerable: true, writable: true, configurable: true });
    });
    return row;
  });
  return { columns: table.columns, rows, row_count: rows.length };
}

function inferType(value: string | null): Cell {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^(?:true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  if (/^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$|^[+-]?\.\d+$|^[+-]?0\.\d+$/.test(trimmed)) {
    const number = Number(trimmed);
    if (Number.isFinite(number)) return number;
  }
  return value;
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
