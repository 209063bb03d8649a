import { describe, expect, it } from 'vitest';
import { checkTestFile, countTests } from './check-test-file.ts';
import { reverseTests } from './synthesis-test-support.ts';

describe('countTests', () => {
  it('counts it and test calls, with their modifiers', () => {
    expect(countTests("it('a', () => {}); test('b', () => {}); it.only('c', () => {}); it.each([1, 2])('d %i', () => {});")).toBe(4);
  });

  it('does not count skipped, todo or commented-out tests, or words ending in "it"', () => {
    expect(countTests("it.skip('a', () => {}); it.todo('b'); // it('c')\n/* test('d') */ submit('e'); expect(1).toBe(1);")).toBe(0);
  });
});

describe('checkTestFile', () => {
  it('accepts a suite of five tests that imports the tool', () => {
    expect(checkTestFile(reverseTests(), { name: 'reverse_string' })).toEqual([]);
  });

  it('names each problem: too few tests, no vitest import, the wrong function', () => {
    const problems = checkTestFile("import { reverse } from './tool';\nit('a', () => {});", { name: 'reverse_string' });
    expect(problems).toEqual([
      expect.stringContaining('declares 1 test;'),
      expect.stringContaining("does not import from 'vitest'"),
      expect.stringContaining('does not import reverse_string'),
    ]);
  });

  it('accepts the tool imported with a file extension', () => {
    expect(checkTestFile(reverseTests().replace("from './tool'", "from './tool.ts'"), { name: 'reverse_string' })).toEqual([]);
  });
});
