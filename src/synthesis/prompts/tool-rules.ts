// The sandbox's rules, written once and quoted by every prompt that produces code, so the test
// writer, the implementer and the repairer are held to the same contract the sandbox enforces.
import type { ToolRuntime } from '../../tool-package/index.ts';

/** What `tool.ts` must look like to load, run and be called in Toolsmith's sandbox. */
export function toolFileRules(options: { name: string; runtime: ToolRuntime }): string {
  const { name, runtime } = options;
  const imports = runtime === 'isolate'
    ? '- No imports at all. Write every helper inline in tool.ts; no npm packages are available.'
    : '- Import only Node built-ins, with the node: prefix (import { readFileSync } from "node:fs"); no npm packages are available.';
  const apis = runtime === 'isolate'
    ? '- The runtime is "isolate": plain JavaScript only. There is no process, Buffer, require, fs, fetch, XMLHttpRequest or WebSocket. ' +
      'To read a file call `await toolsmith.fs.readFile(path)` (returns the text; it only works below the folders granted in capabilities["fs.read"]), and make the function async.'
    : '- The runtime is "process": Node APIs are available, but there is no network and only granted folders can be read.';
  return [
    `- Export exactly one function named \`${name}\` (export function ${name}(args) { ... }), taking ONE object argument shaped by "parameters".`,
    imports,
    apis,
    '- No network, no clock-dependent or random results: the same arguments always give the same result.',
    '- Validate the arguments first (types, ranges, required fields) and throw an Error whose message says which argument is wrong, what was received and what is expected.',
    '- Return a JSON-serialisable value matching "returns": no undefined, NaN, Infinity, Map, Set, Date or class instances.',
    '- Handle every edge case the docstring lists (empty input, zero, boundaries, Unicode).',
  ].join('\n');
}

/** What `tool.test.ts` must look like to run in the sandbox's vitest-compatible harness. */
export function testFileRules(options: { name: string; minimumTests: number }): string {
  const { name, minimumTests } = options;
  return [
    `- Start with exactly these imports and no others: import { describe, it, expect } from 'vitest'; import { ${name} } from './tool';`,
    `- Call the function with ONE object argument matching "parameters": ${name}({ ... }).`,
    `- Write at least ${minimumTests} it(...) tests inside describe('${name}', ...): normal cases (the docstring's examples), edge cases (empty string or array, zero, negative numbers, boundaries, Unicode) and error cases.`,
    `- Error cases: expect(() => ${name}({ ... })).toThrow(); for an async function: await expect(${name}({ ... })).rejects.toThrow().`,
    '- Assert exact values with toBe or toEqual (toBeCloseTo for fractions). Match error messages only by a word the spec promises, never the whole text.',
    '- Every expected value must follow from the spec. If the spec leaves an edge case open, do not test it rather than guess.',
    '- No Node APIs, network, timers, randomness, snapshots or mocks of the function under test.',
  ].join('\n');
}
