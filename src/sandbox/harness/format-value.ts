// Renders values the way Node's `util.inspect` does (`{ a: 1 }`, `[ 1, 2 ]`, `Map(1) { 'a' => 1 }`),
// for console output and failure messages. Accessors are shown as `[Getter]` and never called,
// so formatting a value cannot run tool code (except a Proxy trap, caught as a whole).
import {
  ErrorCtor,
  StringCtor,
  arrayIndexOf,
  arrayIsArray,
  arrayJoin,
  functionToString,
  arrayPush,
  dateGetTime,
  dateToISOString,
  getOwnPropertyDescriptor,
  getOwnPropertyNames,
  getOwnPropertySymbols,
  getPrototypeOf,
  hasOwn,
  isArrayBufferView,
  mapEntries,
  mapSize,
  objectIs,
  propertyIsEnumerable,
  regExpTest,
  regExpToString,
  setSize,
  setValues,
  stringCharCodeAt,
  stringIncludes,
  stringRepeat,
  stringSlice,
  typeTag,
  numberToString,
} from './intrinsics.ts';
import { isAsymmetricMatcher } from './asymmetric-marker.ts';

export interface FormatOptions {
  /** Nesting shown before containers collapse to `[Object]`; Node's default is 2, messages use more. */
  depth?: number;
  /** Top-level strings without quotes, as `console.log` prints them. */
  bareStrings?: boolean;
  /** Keep everything on one line (failure messages). */
  singleLine?: boolean;
  /** Cut the result to this many characters, marking the cut with `…`. */
  maxLength?: number;
}

const BREAK_LENGTH = 72;
const MAX_ITEMS = 100;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

interface State {
  depth: number;
  singleLine: boolean;
  seen: unknown[];
}

export function formatValue(value: unknown, options: FormatOptions = {}): string {
  let text: string;
  try {
    if (options.bareStrings === true && typeof value === 'string') text = value;
    else text = format(value, 0, { depth: options.depth ?? 4, singleLine: options.singleLine ?? false, seen: [] });
  } catch {
    text = '[value that could not be formatted]';
  }
  const max = options.maxLength;
  if (max !== undefined && text.length > max) text = `${stringSlice(text, 0, max)}…`;
  return text;
}

/** A string as Node quotes it: single quotes unless the text contains them. */
export function quoteString(text: string): string {
  const quote = !stringIncludes(text, "'") ? "'" : !stringIncludes(text, '"') ? '"' : !stringIncludes(text, '`') ? '`' : "'";
  let out = quote;
  for (let i = 0; i < text.length; i++) {
    const code = stringCharCodeAt(text, i);
    const char = text[i]!;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code < 16 ? '0' : ''}${numberToString(code, 16)}`;
    else out += char;
  }
  return out + quote;
}

function format(value: unknown, level: number, state: State): string {
  switch (typeof value) {
    case 'string':
      return quoteString(value);
    case 'number':
      return objectIs(value, -0) ? '-0' : `${value}`;
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return `${value}`;
    case 'symbol':
      return StringCtor(value);
    case 'function':
      return formatFunction(value);
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (isAsymmetricMatcher(object)) return object.toString();
  const tag = typeTag(object);
  if (tag === 'Date') {
    const time = dateGetTime(object as Date);
    return time === time ? dateToISOString(object as Date) : 'Invalid Date';
  }
  if (tag === 'RegExp') return regExpToString(object as RegExp);
  if (tag === 'Error' || object instanceof ErrorCtor) return formatError(object);
  if (tag === 'Promise') return 'Promise { <unknown> }';
  if (tag === 'WeakMap' || tag === 'WeakSet') return `${tag} { <items unknown> }`;
  if (arrayIndexOf(state.seen, object) !== -1) return '[Circular]';
  if (level > state.depth) return arrayIsArray(object) ? '[Array]' : `[${constructorName(object) ?? 'Object'}]`;

  arrayPush(state.seen, object);
  try {
    return formatContainer(object, tag, level, state);
  } finally {
    state.seen.length -= 1;
  }
}

function formatContainer(object: object, tag: string, level: number, state: State): string {
  const entries: string[] = [];
  let prefix = '';
  let open = '{';
  let close = '}';
  let skipIndexKeys = false;
  if (arrayIsArray(object) || isArrayBufferView(object)) {
    const list = object as ArrayLike<unknown>;
    const name = arrayIsArray(object) ? 'Array' : (constructorName(object) ?? tag);
    prefix = name === 'Array' ? '' : `${name}(${list.length}) `;
    open = '[';
    close = ']';
    skipIndexKeys = true;
    formatArrayItems(object, list, level, state, entries);
  } else if (tag === 'Map') {
    const map = object as Map<unknown, unknown>;
    prefix = `Map(${mapSize(map)}) `;
    for (const [key, value] of mapEntries(map)) {
      arrayPush(entries, `${format(key, level + 1, state)} => ${format(value, level + 1, state)}`);
    }
  } else if (tag === 'Set') {
    const set = object as Set<unknown>;
    prefix = `Set(${setSize(set)}) `;
    for (const item of setValues(set)) arrayPush(entries, format(item, level + 1, state));
  } else {
    const name = constructorName(object);
    if (name === undefined) prefix = '[Object: null prototype] ';
    else if (name !== 'Object') prefix = `${name} `;
  }
  formatProperties(object, level, state, entries, skipIndexKeys);
  if (entries.length === 0) return `${prefix}${open}${close}`;
  return `${prefix}${join(entries, open, close, level, state, prefix.length)}`;
}

function formatArrayItems(object: object, list: ArrayLike<unknown>, level: number, state: State, entries: string[]): void {
  let holes = 0;
  const shown = list.length < MAX_ITEMS ? list.length : MAX_ITEMS;
  const flushHoles = (): void => {
    if (holes > 0) arrayPush(entries, `<${holes} empty item${holes === 1 ? '' : 's'}>`);
    holes = 0;
  };
  for (let i = 0; i < shown; i++) {
    if (!hasOwn(object, i)) {
      holes++;
      continue;
    }
    flushHoles();
    arrayPush(entries, format(list[i], level + 1, state));
  }
  flushHoles();
  if (list.length > shown) arrayPush(entries, `... ${list.length - shown} more item${list.length - shown === 1 ? '' : 's'}`);
}

function formatProperties(object: object, level: number, state: State, entries: string[], skipIndexKeys: boolean): void {
  const keys: PropertyKey[] = [];
  for (const key of getOwnPropertyNames(object)) {
    if (skipIndexKeys && (key === 'length' || regExpTest(/^(0|[1-9]\d*)$/, key))) continue;
    if (propertyIsEnumerable(object, key)) arrayPush(keys, key);
  }
  for (const key of getOwnPropertySymbols(object)) {
    if (propertyIsEnumerable(object, key)) arrayPush(keys, key);
  }
  for (const key of keys) {
    const descriptor = getOwnPropertyDescriptor(object, key)!;
    let shown: string;
    if (hasOwn(descriptor, 'value')) shown = format(descriptor.value, level + 1, state);
    else if (descriptor.get !== undefined) shown = descriptor.set === undefined ? '[Getter]' : '[Getter/Setter]';
    else shown = '[Setter]';
    arrayPush(entries, `${formatKey(key)}: ${shown}`);
  }
}

function formatKey(key: PropertyKey): string {
  if (typeof key === 'symbol') return StringCtor(key);
  const text = `${key}`;
  return regExpTest(IDENTIFIER, text) ? text : quoteString(text);
}

function join(entries: string[], open: string, close: string, level: number, state: State, prefixLength: number): string {
  const oneLine = `${open} ${arrayJoin(entries, ', ')} ${close}`;
  const fits = prefixLength + oneLine.length + level * 2 <= BREAK_LENGTH && !stringIncludes(oneLine, '\n');
  if (state.singleLine || fits) return oneLine;
  const indent = stringRepeat('  ', level + 1);
  return `${open}\n${indent}${arrayJoin(entries, `,\n${indent}`)}\n${stringRepeat('  ', level)}${close}`;
}

function formatFunction(fn: Function): string {
  let name = '';
  let isClass = false;
  try {
    const descriptor = getOwnPropertyDescriptor(fn, 'name');
    if (descriptor !== undefined && typeof descriptor.value === 'string') name = descriptor.value;
    isClass = regExpTest(/^class[\s{]/, functionToString(fn));
  } catch {
    // A revoked proxy or an exotic function: fall back to the anonymous form.
  }
  if (isClass) return `[class ${name === '' ? '(anonymous)' : name}]`;
  return name === '' ? '[Function (anonymous)]' : `[Function: ${name}]`;
}

function formatError(error: object): string {
  const record = error as { name?: unknown; message?: unknown };
  const name = typeof record.name === 'string' ? record.name : 'Error';
  const message = typeof record.message === 'string' ? record.message : '';
  return message === '' ? `[${name}]` : `[${name}: ${message}]`;
}

/** The constructor's name, `undefined` for a null prototype, read without calling getters. */
export function constructorName(object: object): string | undefined {
  let proto: unknown = getPrototypeOf(object);
  if (proto === null) return undefined;
  while (proto !== null && typeof proto === 'object') {
    const descriptor = getOwnPropertyDescriptor(proto, 'constructor');
    const ctor: unknown = descriptor?.value;
    if (typeof ctor === 'function') {
      const nameDescriptor = getOwnPropertyDescriptor(ctor, 'name');
      if (typeof nameDescriptor?.value === 'string' && nameDescriptor.value !== '') return nameDescriptor.value;
    }
    proto = getPrototypeOf(proto);
  }
  return 'Object';
}
