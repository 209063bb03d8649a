import { beforeAll, describe, expect, it } from 'vitest';
import type { HarnessReport, TestResult } from '../types.ts';
import { runTestFile } from './isolate-like-context.ts';

interface MatcherCase {
  name: string;
  /** A body whose assertion holds. */
  pass: string;
  /** A body whose assertion fails, and what the failure must say. */
  fail: string;
  message: string;
  expected?: string;
  received?: string;
}

const cases: MatcherCase[] = [
  { name: 'toBe', pass: `expect(2).toBe(2); expect(NaN).toBe(NaN)`, fail: `expect('olleh').toBe('hello')`,
    message: `expected 'olleh' to be 'hello' // Object.is equality`, expected: `'hello'`, received: `'olleh'` },
  { name: 'toBe on signed zeros', pass: `expect(-0).toBe(-0)`, fail: `expect(0).toBe(-0)`,
    message: 'expected 0 to be -0 // Object.is equality', expected: '-0', received: '0' },
  { name: 'toBe on equal objects', pass: `const o = {}; expect(o).toBe(o)`, fail: `expect({ a: 1 }).toBe({ a: 1 })`,
    message: 'expected { a: 1 } to be { a: 1 } // Object.is equality\n\nIf it should pass with deep equality, replace "toBe" with "toStrictEqual"' },
  { name: 'toEqual', pass: `expect({ a: 1, b: undefined, c: [1, { d: 2 }] }).toEqual({ a: 1, c: [1, { d: 2 }] })`,
    fail: `expect({ a: 1, b: [1, 2] }).toEqual({ a: 1, b: [1, 3] })`,
    message: 'expected { a: 1, b: [ 1, 2 ] } to deeply equal { a: 1, b: [ 1, 3 ] }', expected: '{ a: 1, b: [ 1, 3 ] }', received: '{ a: 1, b: [ 1, 2 ] }' },
  { name: 'toStrictEqual', pass: `expect({ a: [1, 2] }).toStrictEqual({ a: [1, 2] })`, fail: `expect({ a: 1, b: undefined }).toStrictEqual({ a: 1 })`,
    message: 'expected { a: 1, b: undefined } to strictly equal { a: 1 }', expected: '{ a: 1 }', received: '{ a: 1, b: undefined }' },
  { name: 'toBeCloseTo', pass: `expect(0.1 + 0.2).toBeCloseTo(0.3); expect(1.04).toBeCloseTo(1, 1)`, fail: `expect(0.1).toBeCloseTo(0.2, 2)`,
    message: 'expected 0.1 to be close to 0.2, received difference is 0.1, but expected 0.005', expected: '0.2', received: '0.1' },
  { name: 'toThrow', pass: `expect(() => { throw new Error('boom'); }).toThrow()`, fail: `expect(() => 1).toThrow()`,
    message: 'expected [Function (anonymous)] to throw an error', received: 'nothing was thrown' },
  { name: 'toThrow with a message part', pass: `expect(() => { throw new Error('bad input here'); }).toThrow('bad input')`,
    fail: `expect(() => { throw new Error('other'); }).toThrow('bad input')`,
    message: `expected [Function (anonymous)] to throw error including 'bad input' but got 'other'`, expected: 'bad input', received: 'other' },
  { name: 'toThrowError with a RegExp', pass: `expect(() => { throw new Error('code 42'); }).toThrowError(/code \\d+/)`,
    fail: `expect(() => { throw new Error('code x'); }).toThrowError(/code \\d+/)`,
    message: `expected [Function (anonymous)] to throw error matching /code \\d+/ but got 'code x'`, expected: '/code \\d+/', received: 'code x' },
  { name: 'toThrow with an error class', pass: `expect(() => { throw new TypeError('t'); }).toThrow(TypeError)`,
    fail: `expect(() => { throw new Error('plain'); }).toThrow(TypeError)`,
    message: 'expected [Function (anonymous)] to throw an instance of TypeError, but it threw [Error: plain]', expected: 'TypeError', received: '[Error: plain]' },
  { name: 'toThrow with an error object', pass: `expect(() => { throw new Error('exact'); }).toThrow(new Error('exact'))`,
    fail: `expect(() => { throw new Error('exactly'); }).toThrow(new Error('exact'))`,
    message: `expected [Function (anonymous)] to throw error with message 'exact' but got 'exactly'`, expected: 'exact', received: 'exactly' },
  { name: 'toThrow on a thrown string', pass: `expect(() => { throw 'raw text'; }).toThrow('raw')`, fail: `expect(() => { throw 'raw text'; }).toThrow('cooked')`,
    message: `expected [Function (anonymous)] to throw error including 'cooked' but got 'raw text'` },
  { name: 'toContain', pass: `expect([1, 2, 3]).toContain(2); expect(new Set(['a'])).toContain('a'); expect([NaN]).toContain(NaN)`,
    fail: `expect([1, 2, 3]).toContain(4)`, message: 'expected [ 1, 2, 3 ] to include 4', expected: '4', received: '[ 1, 2, 3 ]' },
  { name: 'toContain on strings', pass: `expect('hello').toContain('ell')`, fail: `expect('hello').toContain('xyz')`,
    message: `expected 'hello' to include 'xyz'`, expected: `'xyz'`, received: `'hello'` },
  { name: 'toContainEqual', pass: `expect([{ a: 1 }, { b: 2 }]).toContainEqual({ b: 2 })`, fail: `expect([{ a: 1 }]).toContainEqual({ a: 2 })`,
    message: 'expected [ { a: 1 } ] to deep equally contain { a: 2 }', expected: '{ a: 2 }', received: '[ { a: 1 } ]' },
  { name: 'toMatch', pass: `expect('hello world').toMatch(/wor/); expect('abc').toMatch('b')`, fail: `expect('hello').toMatch(/^x/)`,
    message: `expected 'hello' to match /^x/`, expected: '/^x/', received: `'hello'` },
  { name: 'toHaveLength', pass: `expect([1, 2]).toHaveLength(2); expect('abc').toHaveLength(3)`, fail: `expect([1, 2]).toHaveLength(3)`,
    message: 'expected [ 1, 2 ] to have a length of 3 but got 2', expected: '3', received: '2' },
  { name: 'toHaveProperty', fail: `expect({ a: { b: 1 } }).toHaveProperty('a.c')`,
    pass: `expect({ a: { b: [10, { c: 3 }] } }).toHaveProperty('a.b[1].c', 3); expect({ a: { b: 1 } }).toHaveProperty(['a', 'b']); expect({ 'x.y': 1 }).toHaveProperty('x.y'); expect('abc').toHaveProperty('length', 3)`,
    message: 'expected { a: { b: 1 } } to have property "a.c"' },
  { name: 'toHaveProperty with a value', pass: `expect({ a: { b: 1 } }).toHaveProperty('a', { b: 1 })`, fail: `expect({ a: { b: 1 } }).toHaveProperty('a.b', 2)`,
    message: 'expected { a: { b: 1 } } to have property "a.b" with value 2', expected: '2', received: '1' },
  { name: 'toBeNull', pass: `expect(null).toBeNull()`, fail: `expect(0).toBeNull()`, message: 'expected 0 to be null', expected: 'null', received: '0' },
  { name: 'toBeUndefined', pass: `expect(undefined).toBeUndefined()`, fail: `expect(null).toBeUndefined()`, message: 'expected null to be undefined' },
  { name: 'toBeDefined', pass: `expect(0).toBeDefined()`, fail: `expect(undefined).toBeDefined()`, message: 'expected undefined to be defined' },
  { name: 'toBeNaN', pass: `expect(NaN).toBeNaN()`, fail: `expect(1).toBeNaN()`, message: 'expected 1 to be NaN' },
  { name: 'toBeTruthy', pass: `expect('x').toBeTruthy()`, fail: `expect('').toBeTruthy()`, message: `expected '' to be truthy` },
  { name: 'toBeFalsy', pass: `expect(0).toBeFalsy()`, fail: `expect([]).toBeFalsy()`, message: 'expected [] to be falsy' },
  { name: 'toBeGreaterThan', pass: `expect(3).toBeGreaterThan(2)`, fail: `expect(2).toBeGreaterThan(2)`, message: 'expected 2 to be greater than 2' },
  { name: 'toBeGreaterThanOrEqual', pass: `expect(2).toBeGreaterThanOrEqual(2)`, fail: `expect(1).toBeGreaterThanOrEqual(2)`,
    message: 'expected 1 to be greater than or equal to 2', expected: '2', received: '1' },
  { name: 'toBeLessThan', pass: `expect(1n).toBeLessThan(2n)`, fail: `expect(2).toBeLessThan(1)`, message: 'expected 2 to be less than 1' },
  { name: 'toBeLessThanOrEqual', pass: `expect(2).toBeLessThanOrEqual(2)`, fail: `expect(3).toBeLessThanOrEqual(2)`, message: 'expected 3 to be less than or equal to 2' },
  { name: 'toBeInstanceOf', pass: `class A {} expect(new A()).toBeInstanceOf(A)`, fail: `class A {} expect({}).toBeInstanceOf(A)`,
    message: 'expected {} to be an instance of A', expected: 'A', received: '{}' },
  { name: 'toMatchObject', pass: `expect({ a: 1, b: { c: 2, d: 3 }, e: [{ f: 1, g: 2 }] }).toMatchObject({ b: { c: 2 }, e: [{ f: 1 }] })`,
    fail: `expect({ a: 1, b: 2 }).toMatchObject({ b: 3 })`, message: 'expected { a: 1, b: 2 } to match object { b: 3 }', expected: '{ b: 3 }', received: '{ a: 1, b: 2 }' },
  { name: 'toBeTypeOf', pass: `expect('s').toBeTypeOf('string')`, fail: `expect(1).toBeTypeOf('string')`,
    message: `expected 1 to be type of 'string'`, expected: 'string', received: 'number' },
  { name: 'toHaveBeenCalled', pass: `const f = vi.fn(); f(); expect(f).toHaveBeenCalled()`, fail: `const f = vi.fn(); expect(f).toHaveBeenCalled()`,
    message: 'expected "vi.fn()" to be called at least once', received: '(no calls)' },
  { name: 'toHaveBeenCalledTimes', pass: `const f = vi.fn(); f(); f(); expect(f).toHaveBeenCalledTimes(2)`, fail: `const f = vi.fn(); f(); expect(f).toHaveBeenCalledTimes(2)`,
    message: 'expected "vi.fn()" to be called 2 times, but it was called 1 time', expected: '2', received: '1' },
  { name: 'toHaveBeenCalledWith', pass: `const f = vi.fn(); f(1, { a: 2 }); expect(f).toHaveBeenCalledWith(1, { a: 2 })`,
    fail: `const f = vi.fn().mockName('adder'); f(1, 2); expect(f).toHaveBeenCalledWith(1, 3)`,
    message: 'expected "adder" to be called with arguments: [ 1, 3 ]', expected: '[ 1, 3 ]', received: 'call 1: [ 1, 2 ]' },
];

/** Bodies that hold, negated with `.not`: each must fail with the negated wording. */
const negated: { name: string; body: string; message: string }[] = [
  { name: 'not.toBe', body: `expect(1).not.toBe(1)`, message: 'expected 1 not to be 1 // Object.is equality' },
  { name: 'not.toEqual', body: `expect([1]).not.toEqual([1])`, message: 'expected [ 1 ] to not deeply equal [ 1 ]' },
  { name: 'not.toStrictEqual', body: `expect({ a: 1 }).not.toStrictEqual({ a: 1 })`, message: 'expected { a: 1 } to not strictly equal { a: 1 }' },
  { name: 'not.toThrow', body: `expect(() => { throw new Error('x'); }).not.toThrow()`,
    message: 'expected [Function (anonymous)] to not throw an error but [Error: x] was thrown' },
  { name: 'not.toContain', body: `expect('abc').not.toContain('b')`, message: `expected 'abc' to not include 'b'` },
  { name: 'not.toHaveLength', body: `expect([]).not.toHaveLength(0)`, message: 'expected [] to not have a length of 0 but got 0' },
  { name: 'not.toBeNull', body: `expect(null).not.toBeNull()`, message: 'expected null not to be null' },
  { name: 'not.toHaveProperty', body: `expect({ a: 1 }).not.toHaveProperty('a')`, message: 'expected { a: 1 } to not have property "a"' },
  { name: 'not.toMatchObject', body: `expect({ a: 1, b: 2 }).not.toMatchObject({ a: 1 })`, message: 'expected { a: 1, b: 2 } to not match object { a: 1 }' },
  { name: 'not.toHaveBeenCalled', body: `const f = vi.fn(); f(); expect(f).not.toHaveBeenCalled()`,
    message: 'expected "vi.fn()" to not be called at all, but it was called 1 time' },
];

function testFile(): string {
  let code = '';
  for (const c of cases) {
    code += `it(${JSON.stringify(`${c.name} passes`)}, () => { ${c.pass} });\n`;
    code += `it(${JSON.stringify(`${c.name} fails`)}, () => { ${c.fail} });\n`;
    code += `it(${JSON.stringify(`${c.name} passes under .not when it fails`)}, () => { ${c.fail.replace(/\)\.(to\w+)\((.*)\)$/, ').not.$1($2)')} });\n`;
  }
  for (const n of negated) code += `it(${JSON.stringify(n.name)}, () => { ${n.body} });\n`;
  return code;
}

describe('expect matchers in the sandbox', () => {
  let report: HarnessReport;
  const result = (name: string): TestResult => {
    const found = report.tests.find((test) => test.name === name);
    if (found === undefined) throw new Error(`no result named ${name}`);
    return found;
  };
  beforeAll(async () => {
    ({ report } = await runTestFile(testFile()));
  });

  it.each(cases)('$name passes when the expectation holds', (c) => {
    expect(result(`${c.name} passes`)).toMatchObject({ status: 'passed' });
  });

  it.each(cases)('$name fails with a vitest-style message and both values', (c) => {
    const { status, failure } = result(`${c.name} fails`);
    expect(status).toBe('failed');
    expect(failure?.message).toBe(c.message);
    if (c.expected !== undefined) expect(failure?.expected).toBe(c.expected);
    if (c.received !== undefined) expect(failure?.received).toBe(c.received);
  });

  it.each(cases)('$name passes under .not when the expectation does not hold', (c) => {
    expect(result(`${c.name} passes under .not when it fails`).status).toBe('passed');
  });

  it.each(negated)('$name fails with the negated wording', (n) => {
    expect(result(n.name).failure?.message).toBe(n.message);
  });
});
