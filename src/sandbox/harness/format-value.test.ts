import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value.ts';

class Point {
  x: number;
  y: number;
  constructor(x: number, y: number) {
    this.x = x;
    this.y = y;
  }
}

describe('formatValue', () => {
  // Values whose rendering must match Node's util.inspect exactly (console output reads the same).
  const sameAsNode: [string, unknown][] = [
    ['a string', 'it\'s "quoted"'],
    ['escapes', 'line\nnext\ttab\\'],
    ['numbers', [1, -0, NaN, Infinity, 1.5e-10]],
    ['bigint and symbol', [10n, Symbol('s')]],
    ['a plain object', { a: 1, 'b-c': 'two', nested: { deep: [1, 2] } }],
    ['an empty object and array', [{}, []]],
    ['a sparse array', [1, , , 4]], // eslint-disable-line no-sparse-arrays
    ['a class instance', new Point(1, 2)],
    ['a null-prototype object', Object.assign(Object.create(null), { a: 1 })],
    ['a Map and a Set', [new Map<unknown, unknown>([['k', { v: 1 }]]), new Set([1, 'a'])]],
    ['a Date and a RegExp', [new Date(86_400_000), /x+/gi]],
    ['functions', [function named() {}, () => 1, class Klass {}]],
    ['a typed array', new Uint8Array([1, 2, 3])],
    ['symbol keys', { [Symbol('k')]: 1 }],
    ['a long array broken over lines', Array.from({ length: 30 }, (_, i) => `item-${i}`).slice(0, 5).concat(['a'.repeat(60)])],
  ];

  it.each(sameAsNode)('renders %s as util.inspect does', (_label, value) => {
    expect(formatValue(value)).toBe(inspect(value, { depth: 4 }));
  });

  it('shows accessors without calling them', () => {
    let called = false;
    const value = {
      get secret() {
        called = true;
        return 1;
      },
    };
    expect(formatValue(value)).toBe('{ secret: [Getter] }');
    expect(called).toBe(false);
  });

  it('marks cycles and collapses beyond the depth', () => {
    const cycle: Record<string, unknown> = { name: 'c' };
    cycle.self = cycle;
    expect(formatValue(cycle)).toBe("{ name: 'c', self: [Circular] }");
    expect(formatValue({ a: { b: { c: {} } } }, { depth: 1 })).toBe('{ a: { b: [Object] } }');
  });

  it('keeps one line and cuts long values for messages', () => {
    const long = Array.from({ length: 50 }, (_, i) => i);
    const text = formatValue(long, { singleLine: true, maxLength: 40 });
    expect(text).not.toContain('\n');
    expect(text).toHaveLength(41);
    expect(text.endsWith('…')).toBe(true);
  });

  it('prints strings bare at the top level only when asked', () => {
    expect(formatValue('hi', { bareStrings: true })).toBe('hi');
    expect(formatValue(['hi'], { bareStrings: true })).toBe("[ 'hi' ]");
  });

  it('survives a proxy whose traps throw', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(formatValue(hostile)).toBe('[value that could not be formatted]');
  });
});
