import { describe, expect, it } from 'vitest';
import { parseRepairReply } from './repair-reply.ts';
import { fence } from './synthesis-test-support.ts';

const SOURCE = 'export function f({ n }: { n: number }) { return n; }';
const TESTS = "import { it, expect } from 'vitest';\nimport { f } from './tool';\nit('keeps', () => expect(f({ n: 1 })).toBe(1));";

describe('parseRepairReply', () => {
  it('takes a single block as the implementation', () => {
    expect(parseRepairReply(`Fixed:\n${fence(SOURCE)}\nDone.`)).toEqual({ source: SOURCE });
  });

  it('takes an unfenced reply as the implementation', () => {
    expect(parseRepairReply(SOURCE)).toEqual({ source: SOURCE });
  });

  it('replaces the tests when a "Test fix:" line precedes the second block', () => {
    const reply = `${fence(SOURCE)}\nTest fix: the expected value contradicts the spec.\n${fence(TESTS)}`;
    expect(parseRepairReply(reply)).toEqual({ source: SOURCE, tests: { code: TESTS, reason: 'the expected value contradicts the spec.' } });
  });

  it('accepts the marker in bold, in a list or in another case', () => {
    for (const line of ['**Test fix:** wrong value', '- Test fix: wrong value', 'TEST FIX: wrong value']) {
      expect(parseRepairReply(`${fence(SOURCE)}\n${line}\n${fence(TESTS)}`).tests?.reason).toBe('wrong value');
    }
  });

  it('ignores a second block without a "Test fix:" line and says why', () => {
    const parsed = parseRepairReply(`${fence(SOURCE)}\nBetter tests:\n${fence(TESTS)}`);
    expect(parsed).toEqual({ source: SOURCE, ignoredTests: expect.stringContaining('no "Test fix:" line') });
  });

  it('ignores a "Test fix:" line that comes after the test block', () => {
    const parsed = parseRepairReply(`${fence(SOURCE)}\n${fence(TESTS)}\nTest fix: too late`);
    expect(parsed.tests).toBeUndefined();
    expect(parsed.ignoredTests).toBeDefined();
  });

  it('ignores a "Test fix:" line with no reason', () => {
    expect(parseRepairReply(`${fence(SOURCE)}\nTest fix:\n${fence(TESTS)}`)).toEqual({ source: SOURCE, ignoredTests: 'the "Test fix:" line gave no reason' });
  });

  it('says so when a "Test fix:" reason comes without a test file', () => {
    expect(parseRepairReply(`${fence(SOURCE)}\nTest fix: the tests are wrong`).ignoredTests).toMatch(/no second code block/);
  });

  it('does not count blocks in other languages', () => {
    expect(parseRepairReply(`${fence('$ npm test', 'bash')}\n${fence(SOURCE)}`)).toEqual({ source: SOURCE });
  });

  it('throws model_reply_invalid when there is no code', () => {
    expect(() => parseRepairReply('I am not sure what is wrong.')).toThrow(expect.objectContaining({ kind: 'model', code: 'model_reply_invalid' }));
  });
});
