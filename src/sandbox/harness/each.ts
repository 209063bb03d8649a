// `.each` tables: arrays of rows, arrays of objects, or tagged-template tables, and the test
// names built from them (`%s`, `%i`, `%#`..., or `$name` / `$a.b` for object rows).
import { formatValue } from './format-value.ts';
import {
  NumberCtor,
  arrayIsArray,
  arrayPush,
  arraySlice,
  regExpExec,
  stringIncludes,
  stringSlice,
  hasOwn,
  jsonStringify,
  mathTrunc,
  stringSplit,
  stringTrim,
  typeTag,
  TypeErrorCtor,
} from './intrinsics.ts';

export interface EachCase {
  /** What the test function is called with. */
  args: unknown[];
  /** Set for object rows, for `$name` interpolation. */
  object: Record<string, unknown> | undefined;
}

/** The cases of a `.each(...)` call, from its own arguments (a table, or a template's parts). */
export function eachCases(input: unknown[]): EachCase[] {
  const first = input[0];
  if (arrayIsArray(first) && hasOwn(first, 'raw')) return templateCases(first as unknown as TemplateStringsArray, arraySlice(input, 1));
  if (!arrayIsArray(first)) throw new TypeErrorCtor('.each() needs an array of cases, like .each([[1, 2], [3, 4]]) or .each([{ a: 1 }])');
  const cases: EachCase[] = [];
  for (const row of first as unknown[]) {
    if (arrayIsArray(row)) arrayPush(cases, { args: [...(row as unknown[])], object: undefined });
    else arrayPush(cases, { args: [row], object: typeTag(row) === 'Object' ? (row as Record<string, unknown>) : undefined });
  }
  return cases;
}

function templateCases(strings: TemplateStringsArray, values: unknown[]): EachCase[] {
  const headings: string[] = [];
  for (const part of stringSplit(stringTrim(strings[0] ?? ''), '|')) {
    const heading = stringTrim(part);
    if (heading !== '') arrayPush(headings, heading);
  }
  if (headings.length === 0 || values.length % headings.length !== 0) {
    throw new TypeErrorCtor('.each`...` table: the first line names the columns (a | b | expected) and every row gives one ${value} per column');
  }
  const cases: EachCase[] = [];
  for (let start = 0; start < values.length; start += headings.length) {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < headings.length; i++) object[headings[i]!] = values[start + i];
    arrayPush(cases, { args: [object], object });
  }
  return cases;
}

/** The name of one case: printf-style placeholders take the arguments in turn; `$key` reads an object row. */
export function eachName(template: string, testCase: EachCase, index: number): string {
  const args = testCase.args;
  let next = 0;
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const char = template[i]!;
    const code = template[i + 1];
    if (char === '%' && code !== undefined) {
      const replaced = placeholder(code, args, next, index);
      if (replaced !== undefined) {
        out += replaced.text;
        next += replaced.consumed;
        i++;
        continue;
      }
    }
    if (char === '$' && testCase.object !== undefined) {
      const match = regExpExec(/^[\w$]+(?:\.[\w$]+)*/, stringSlice(template, i + 1));
      if (match !== null) {
        out += formatValue(readPath(testCase.object, match[0]), { singleLine: true, maxLength: 200 });
        i += match[0].length;
        continue;
      }
    }
    out += char;
  }
  return out;
}

function placeholder(code: string, args: unknown[], next: number, index: number): { text: string; consumed: number } | undefined {
  if (code === '%') return { text: '%', consumed: 0 };
  if (code === '#') return { text: `${index}`, consumed: 0 };
  if (code === '$') return { text: `${index + 1}`, consumed: 0 };
  if (!stringIncludes('sdifjoOp', code)) return undefined;
  const value = args[next];
  const oneLine = { singleLine: true, maxLength: 200 };
  switch (code) {
    case 's':
      return { text: formatValue(value, { ...oneLine, bareStrings: true }), consumed: 1 };
    case 'd':
    case 'f':
      return { text: `${NumberCtor(value)}`, consumed: 1 };
    case 'i':
      return { text: `${mathTrunc(NumberCtor(value))}`, consumed: 1 };
    case 'j':
      return { text: `${jsonStringify(value)}`, consumed: 1 };
    default:
      return { text: formatValue(value, oneLine), consumed: 1 };
  }
}

function readPath(object: Record<string, unknown>, path: string): unknown {
  let current: unknown = object;
  for (const key of stringSplit(path, '.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
