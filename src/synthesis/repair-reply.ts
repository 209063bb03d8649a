/**
 * The repair reply shape. It is stable: scripted model files are written against it, and the
 * repair prompt asks for exactly this.
 *
 * 1. The new `tool.ts` comes first, in a fenced code block (```ts, ```typescript, ```js or no
 *    language; blocks in other languages, such as ```text, do not count). A reply with one code
 *    block, or with no fence at all, is only the implementation (read by `extractCode`).
 * 2. A repair may also replace `tool.test.ts`, but only by saying why: a line starting
 *    `Test fix:` (case-insensitive; list or bold markers before it are allowed) with the reason on
 *    the same line, anywhere before a second code block that holds the whole new test file.
 * 3. A second block without a `Test fix:` line before it, or with an empty reason, is ignored, and
 *    so is a `Test fix:` line with no second block; `ignoredTests` says why. Blocks after the
 *    second are ignored.
 *
 * Prose around the blocks is allowed and ignored. For example:
 *
 *     The loop dropped the last character.
 *     ```ts
 *     export function reverse_string({ s }: { s: string }) { return Array.from(s).reverse().join(''); }
 *     ```
 *     Test fix: "reverses a word" expected "olleh " with a trailing space the spec never mentions.
 *     ```ts
 *     import { describe, it, expect } from 'vitest';
 *     ...
 *     ```
 */
import { extractCode } from '../models/index.ts';
import { splitCodeBlocks } from './fenced-blocks.ts';

/** A repair reply, read. */
export interface RepairReply {
  source: string;
  /** Present only when the reply replaced the tests and gave a reason. */
  tests?: { code: string; reason: string };
  /** Why a test change in the reply was not taken. */
  ignoredTests?: string;
}

const TEST_FIX_LINE = /^\s*(?:[-*>#]+\s*)?(?:\*\*|__)?test fix:(?:\*\*|__)?(.*)$/i;

/** Reads a repair reply (shape above); throws the model layer's `model_reply_invalid` when it holds no code. */
export function parseRepairReply(text: string): RepairReply {
  const blocks = splitCodeBlocks(text);
  const [first, second] = blocks;
  if (first === undefined || second === undefined) {
    const source = extractCode(text, { language: 'ts' });
    return testFixReasons(text.split(/\r?\n/)).length > 0
      ? { source, ignoredTests: 'the reply gave a "Test fix:" reason but no second code block with the new test file' }
      : { source };
  }
  const source = first.code.trim();
  const reasons = testFixReasons(text.split(/\r?\n/).slice(0, second.line));
  if (reasons.length === 0) {
    return { source, ignoredTests: 'the reply held a second code block but no "Test fix:" line before it saying why the tests are wrong' };
  }
  const reason = reasons.find((candidate) => candidate.length > 0);
  if (reason === undefined) return { source, ignoredTests: 'the "Test fix:" line gave no reason' };
  return { source, tests: { code: second.code.trim(), reason } };
}

function testFixReasons(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const match = TEST_FIX_LINE.exec(line);
    return match === null ? [] : [(match[1] ?? '').trim()];
  });
}
