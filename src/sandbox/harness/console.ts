// `console`, sending each line to `bridge.log`. Arguments are joined as Node's `console.log` does:
// strings as they are, other values inspected, `%s %d %i %f %j %o %O %c` in a leading string.
import type { Bridge, LogLevel } from './bridge-access.ts';
import { formatValue } from './format-value.ts';
import {
  MapCtor,
  NumberCtor,
  arrayJoin,
  arrayPush,
  jsonStringify,
  mapGet,
  mapSet,
  mathTrunc,
  numberParseFloat,
  objectFreeze,
  stringIncludes,
  stringRepeat,
  stringSplit,
} from './intrinsics.ts';

const CONSOLE_DEPTH = 2;

export function formatLogArguments(args: readonly unknown[]): string {
  const parts: string[] = [];
  let start = 0;
  const first = args[0];
  if (typeof first === 'string' && args.length > 1) {
    start = 1;
    let text = '';
    for (let i = 0; i < first.length; i++) {
      const char = first[i]!;
      const code = first[i + 1];
      if (char !== '%' || code === undefined) {
        text += char;
        continue;
      }
      if (code === '%') {
        text += '%';
        i++;
        continue;
      }
      if (start >= args.length || !stringIncludes('sdifjoOc', code)) {
        text += char;
        continue;
      }
      text += directive(code, args[start]);
      start++;
      i++;
    }
    arrayPush(parts, text);
  }
  for (let i = start; i < args.length; i++) arrayPush(parts, formatValue(args[i], { bareStrings: true, depth: CONSOLE_DEPTH }));
  return arrayJoin(parts, ' ');
}

function directive(code: string, value: unknown): string {
  switch (code) {
    case 's':
      return typeof value === 'string' ? value : formatValue(value, { depth: 1, singleLine: true });
    case 'd':
    case 'i': {
      if (typeof value === 'bigint') return `${value}n`;
      const number = NumberCtor(value as number);
      return `${code === 'i' ? mathTrunc(number) : number}`;
    }
    case 'f':
      return `${numberParseFloat(`${value as string}`)}`;
    case 'j':
      try {
        return `${jsonStringify(value)}`;
      } catch {
        return '[Circular]';
      }
    case 'c':
      return '';
    default:
      return formatValue(value, { depth: 4 });
  }
}

/** A console writing to the bridge; group indentation, counters and timers kept per console. */
export function createConsole(bridge: Bridge): Console {
  let indent = '';
  const counts = new MapCtor<unknown, unknown>();
  const timers = new MapCtor<unknown, unknown>();
  const write = (level: LogLevel) => (...args: unknown[]): void => {
    const text = formatLogArguments(args);
    bridge.log(level, indent === '' ? text : `${indent}${arrayJoin(stringSplit(text, '\n'), `\n${indent}`)}`);
  };
  const log = write('log');
  const methods = {
    log,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
    trace: write('debug'),
    dir: (value: unknown) => log(formatValue(value, { depth: CONSOLE_DEPTH })),
    table: (value: unknown) => log(value),
    assert: (condition: unknown, ...args: unknown[]) => {
      if (!condition) write('error')(args.length === 0 ? 'Assertion failed' : `Assertion failed: ${formatLogArguments(args)}`);
    },
    count: (label: unknown = 'default') => {
      const next = ((mapGet(counts, `${label as string}`) as number | undefined) ?? 0) + 1;
      mapSet(counts, `${label as string}`, next);
      log(`${label as string}: ${next}`);
    },
    countReset: (label: unknown = 'default') => {
      mapSet(counts, `${label as string}`, 0);
    },
    time: (label: unknown = 'default') => {
      mapSet(timers, `${label as string}`, bridge.now());
    },
    timeLog: (label: unknown = 'default', ...args: unknown[]) => {
      const start = mapGet(timers, `${label as string}`) as number | undefined;
      if (start !== undefined) log(`${label as string}: ${bridge.now() - start}ms`, ...args);
    },
    timeEnd: (label: unknown = 'default') => {
      methods.timeLog(label);
      mapSet(timers, `${label as string}`, undefined);
    },
    group: (...args: unknown[]) => {
      if (args.length > 0) log(...args);
      indent += '  ';
    },
    groupEnd: () => {
      indent = stringRepeat(' ', indent.length - 2 > 0 ? indent.length - 2 : 0);
    },
  };
  return objectFreeze({ ...methods, groupCollapsed: methods.group }) as unknown as Console;
}
