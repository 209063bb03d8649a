import { beforeAll, describe, expect, it } from 'vitest';
import type { HarnessReport, TestResult } from '../types.ts';
import { runTestFile } from './isolate-like-context.ts';

const file = `
it('resolves passes', async () => {
  await expect(Promise.resolve(5)).resolves.toBe(5);
  await expect(Promise.resolve({ a: 1 })).resolves.not.toEqual({ a: 2 });
});
it('resolves fails on rejection', async () => {
  await expect(Promise.reject(new Error('nope'))).resolves.toBe(5);
});
it('rejects passes', async () => {
  await expect(Promise.reject(new Error('bad thing'))).rejects.toThrow('bad');
  await expect(Promise.reject(new TypeError('t'))).rejects.toThrow(TypeError);
  await expect(async () => { throw new Error('from fn'); }).rejects.toThrowError(/from/);
  await expect(Promise.reject('plain')).rejects.toBe('plain');
});
it('rejects fails on resolution', async () => {
  await expect(Promise.resolve(1)).rejects.toThrow();
});
it('rejects fails on the wrong message', async () => {
  await expect(Promise.reject(new Error('actual'))).rejects.toThrow('wanted');
});
it('an unawaited rejects check still fails the test', () => {
  expect(Promise.resolve(1)).rejects.toThrow();
});
it('resolves needs a promise', async () => {
  await expect(5).resolves.toBe(5);
});
it('asymmetric matchers inside toEqual', () => {
  expect({ id: 7, name: 'ann', tags: ['a', 'b', 'c'], when: new Date(0), extra: { x: 1, y: 2 } }).toEqual({
    id: expect.any(Number),
    name: expect.stringContaining('an'),
    tags: expect.arrayContaining(['c', 'a']),
    when: expect.anything(),
    extra: expect.objectContaining({ y: 2 }),
  });
  expect('abc').toEqual(expect.stringMatching(/^a/));
  expect(['x']).toEqual(expect.not.arrayContaining(['y']));
  expect([new Map()]).toEqual([expect.any(Map)]);
  expect(0.1 + 0.2).toEqual(expect.closeTo(0.3, 5));
  expect(() => { throw new Error('m'); }).toThrow(expect.objectContaining({ message: 'm' }));
});
it('asymmetric matchers fail and are shown by name', () => {
  expect({ id: 'seven' }).toEqual({ id: expect.any(Number) });
});
it('expect.assertions counts', () => {
  expect.assertions(2);
  expect(1).toBe(1);
});
it('expect.hasAssertions needs one', () => {
  expect.hasAssertions();
});
it('expect.assertions passes when met', async () => {
  expect.assertions(1);
  await expect(Promise.resolve(1)).resolves.toBe(1);
});
it('a label prefixes the message', () => {
  expect(1, 'the count').toBe(2);
});
it('expect.extend adds a matcher', () => {
  expect.extend({
    toBeEven(received) {
      return { pass: received % 2 === 0, message: () => 'expected ' + received + (this.isNot ? ' not' : '') + ' to be even' };
    },
  });
  expect(4).toBeEven();
  expect(3).not.toBeEven();
  expect(3).toBeEven();
});
it('misusing a matcher says how to call it, even under .not', () => {
  expect(5).not.toThrow();
});
it('snapshots are refused with a hint', () => {
  expect(1).toMatchSnapshot();
});
it('expect.unreachable fails', () => {
  expect.unreachable('should not get here');
});
it('vi.fn records calls, results and implementations', () => {
  const f = vi.fn((a, b) => a + b);
  expect(f(1, 2)).toBe(3);
  f.mockReturnValueOnce(10).mockReturnValue(20);
  expect(f()).toBe(10);
  expect(f()).toBe(20);
  f.mockImplementation(() => { throw new Error('x'); });
  expect(() => f(9)).toThrow('x');
  expect(f.mock.calls).toEqual([[1, 2], [], [], [9]]);
  expect(f.mock.results[0]).toEqual({ type: 'return', value: 3 });
  expect(f.mock.results[3].type).toBe('throw');
  expect(f).toHaveBeenLastCalledWith(9);
  expect(f).toHaveReturnedWith(3);
  f.mockClear();
  expect(f).not.toHaveBeenCalled();
  expect(vi.isMockFunction(f)).toBe(true);
  expect(vi.isMockFunction(() => 1)).toBe(false);
});
it('vi.spyOn wraps and restores a method', () => {
  const calc = { double: (n) => n * 2 };
  const original = calc.double;
  const spy = vi.spyOn(calc, 'double');
  expect(calc.double(4)).toBe(8);
  expect(spy).toHaveBeenCalledWith(4);
  spy.mockReturnValue(0);
  expect(calc.double(4)).toBe(0);
  spy.mockRestore();
  expect(calc.double).toBe(original);
});
it('mock matchers refuse a plain function', () => {
  expect(() => 1).toHaveBeenCalled();
});
`;

describe('expect modifiers and helpers in the sandbox', () => {
  let report: HarnessReport;
  const result = (name: string): TestResult => {
    const found = report.tests.find((test) => test.name === name);
    if (found === undefined) throw new Error(`no result named ${name}`);
    return found;
  };
  beforeAll(async () => {
    ({ report } = await runTestFile(file));
  });

  it('runs .resolves and .rejects matchers on the settled value', () => {
    expect(result('resolves passes').status).toBe('passed');
    expect(result('rejects passes').status).toBe('passed');
  });

  it('fails .resolves on a rejection and .rejects on a resolution', () => {
    expect(result('resolves fails on rejection').failure).toEqual({
      message: 'promise rejected [Error: nope] instead of resolving',
      received: '[Error: nope]',
    });
    expect(result('rejects fails on resolution').failure?.message).toBe('promise resolved 1 instead of rejecting');
    expect(result('rejects fails on the wrong message').failure?.message).toBe(
      `expected promise to throw error including 'wanted' but got 'actual'`,
    );
    expect(result('resolves needs a promise').failure?.message).toBe('expected a promise to use .resolves, received 5');
  });

  it('fails a test whose async expectation was not awaited', () => {
    expect(result('an unawaited rejects check still fails the test').failure?.message).toBe('promise resolved 1 instead of rejecting');
  });

  it('matches asymmetric matchers inside toEqual and names them in failures', () => {
    expect(result('asymmetric matchers inside toEqual').status).toBe('passed');
    expect(result('asymmetric matchers fail and are shown by name').failure).toMatchObject({
      message: `expected { id: 'seven' } to deeply equal { id: Any<Number> }`,
      expected: '{ id: Any<Number> }',
    });
  });

  it('checks expect.assertions and expect.hasAssertions at the end of the test', () => {
    expect(result('expect.assertions counts').failure?.message).toBe('expected number of assertions to be 2, but got 1');
    expect(result('expect.hasAssertions needs one').failure?.message).toBe('expected any number of assertions, but got none');
    expect(result('expect.assertions passes when met').status).toBe('passed');
  });

  it('prefixes the message with the label given to expect', () => {
    expect(result('a label prefixes the message').failure?.message).toBe('the count: expected 1 to be 2 // Object.is equality');
  });

  it('runs matchers added with expect.extend, with isNot', () => {
    expect(result('expect.extend adds a matcher').failure?.message).toBe('expected 3 to be even');
  });

  it('explains misuse instead of passing it under .not', () => {
    expect(result('misusing a matcher says how to call it, even under .not').failure?.message).toBe(
      'toThrow needs a function to call, received 5; wrap the code: expect(() => code()).toThrow()',
    );
    expect(result('snapshots are refused with a hint').failure?.message).toMatch(/snapshot matchers are not supported/);
    expect(result('mock matchers refuse a plain function').failure?.message).toBe(
      'toHaveBeenCalled needs a mock made with vi.fn() or vi.spyOn(), received [Function (anonymous)]',
    );
    expect(result('expect.unreachable fails').failure?.message).toBe('should not get here');
  });

  it('provides vi.fn and vi.spyOn with call records', () => {
    expect(result('vi.fn records calls, results and implementations')).toMatchObject({ status: 'passed' });
    expect(result('vi.spyOn wraps and restores a method')).toMatchObject({ status: 'passed' });
  });
});
