import { describe, expect, it } from 'vitest';
import { anything, any, objectContaining } from './asymmetric.ts';
import { deepEqual } from './deep-equal.ts';

class A {
  v: number;
  constructor(v: number) {
    this.v = v;
  }
}
class B {
  v: number;
  constructor(v: number) {
    this.v = v;
  }
}

describe('deepEqual', () => {
  it('compares primitives with Object.is: NaN equals NaN, 0 does not equal -0', () => {
    expect(deepEqual(NaN, NaN)).toBe(true);
    expect(deepEqual(0, -0)).toBe(false);
    expect(deepEqual('a', 'a')).toBe(true);
    expect(deepEqual(1, '1')).toBe(false);
  });

  it('ignores undefined properties and holes loosely, not strictly', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 }, 'strict')).toBe(false);
    // eslint-disable-next-line no-sparse-arrays
    expect(deepEqual([, 1], [undefined, 1])).toBe(true);
    // eslint-disable-next-line no-sparse-arrays
    expect(deepEqual([, 1], [undefined, 1], 'strict')).toBe(false);
  });

  it('ignores classes loosely but compares them strictly', () => {
    expect(deepEqual(new A(1), new B(1))).toBe(true);
    expect(deepEqual(new A(1), new B(1), 'strict')).toBe(false);
    expect(deepEqual(new A(1), { v: 1 }, 'strict')).toBe(false);
    expect(deepEqual([1], { 0: 1, length: 1 })).toBe(false);
  });

  it('compares Maps, Sets, Dates, RegExps, errors and typed arrays by content', () => {
    expect(deepEqual(new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']]))).toBe(true);
    expect(deepEqual(new Map([['k', 1]]), new Map([['k', 2]]))).toBe(false);
    expect(deepEqual(new Set([1, { a: 2 }]), new Set([{ a: 2 }, 1]))).toBe(true);
    expect(deepEqual(new Set([1]), new Set([2]))).toBe(false);
    expect(deepEqual(new Date(5), new Date(5))).toBe(true);
    expect(deepEqual(new Date(5), new Date(6))).toBe(false);
    expect(deepEqual(/a/g, /a/g)).toBe(true);
    expect(deepEqual(/a/g, /a/i)).toBe(false);
    expect(deepEqual(new Error('x'), new Error('x'))).toBe(true);
    expect(deepEqual(new Error('x'), new TypeError('x'))).toBe(false);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(deepEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });

  it('follows cycles', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 1 };
    b.self = b;
    const c: Record<string, unknown> = { n: 2 };
    c.self = c;
    expect(deepEqual(a, b)).toBe(true);
    expect(deepEqual(a, c)).toBe(false);
  });

  it('matches a subset for toMatchObject, arrays element by element', () => {
    expect(deepEqual({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }, 'subset')).toBe(true);
    expect(deepEqual([{ a: 1, b: 2 }], [{ a: 1 }], 'subset')).toBe(true);
    expect(deepEqual([{ a: 1 }, { a: 2 }], [{ a: 1 }], 'subset')).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined }, 'subset')).toBe(false);
  });

  it('lets asymmetric matchers sit on either side', () => {
    expect(deepEqual({ id: 3, when: null }, { id: any(Number), when: anything() })).toBe(false);
    expect(deepEqual({ id: 3, when: 1 }, { id: any(Number), when: anything() })).toBe(true);
    expect(deepEqual(objectContaining({ a: 1 }), { a: 1, b: 2 })).toBe(true);
  });
});
