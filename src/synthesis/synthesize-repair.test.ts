import { describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox/index.ts';
import { createScriptedModel } from '../testing/index.ts';
import type { SynthesisEvent } from './events.ts';
import { synthesizeTool } from './synthesize-tool.ts';
import {
  collectEvents,
  FAST_LIMITS,
  fence,
  REVERSE_SPEC,
  reverseSource,
  reverseTests,
  SPLITS_SURROGATES,
} from './synthesis-test-support.ts';

const sandbox = createSandbox({ limits: FAST_LIMITS });
const free = () => false;
const firstTry = (implementation: string, tests = reverseTests()) => [
  { purpose: 'spec' as const, reply: REVERSE_SPEC },
  { purpose: 'tests' as const, reply: fence(tests) },
  { purpose: 'implementation' as const, reply: implementation },
];
const ofType = <T extends SynthesisEvent['type']>(events: SynthesisEvent[], type: T) =>
  events.filter((event): event is Extract<SynthesisEvent, { type: T }> => event.type === type);

describe('synthesizeTool repairs', () => {
  it('repairs a first implementation that fails its tests, sending the failing test with expected and received', async () => {
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(SPLITS_SURROGATES)),
        { purpose: 'repair', match: 'Test "reverse_string > keeps surrogate pairs whole"[^\\n]*expected', reply: `Split by code points instead:\n${fence(reverseSource())}` },
      ],
    });
    const { events, types, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });

    expect(result).toMatchObject({ status: 'verified', attempts: 2 });
    expect(result.pkg.source).toBe(reverseSource());
    expect(types().slice(3)).toEqual([
      'verification-started', 'tests-failed', 'repair-started', 'repair-generated', 'verification-started', 'tests-passed', 'synthesis-finished',
    ]);
    expect(ofType(events, 'repair-started')[0]?.failing).toEqual([
      expect.objectContaining({ test: 'reverse_string > keeps surrogate pairs whole' }),
    ]);
    expect(ofType(events, 'repair-generated')[0]).toMatchObject({ attempt: 1, testsChanged: false, source: reverseSource() });
  });

  it('ends experimental with the failures recorded when the repairs run out', async () => {
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(SPLITS_SURROGATES)),
        { purpose: 'repair', reply: fence(SPLITS_SURROGATES) },
        { purpose: 'repair', reply: fence(SPLITS_SURROGATES) },
      ],
    });
    const { types, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });

    expect(result.status).toBe('experimental');
    if (result.status !== 'experimental') return;
    expect(result.attempts).toBe(3);
    expect(result.failures).toEqual([expect.objectContaining({ test: 'reverse_string > keeps surrogate pairs whole', message: expect.any(String) })]);
    expect(result.suite.totals).toMatchObject({ passed: 4, failed: 1 });
    expect(types().filter((type) => type === 'repair-started')).toHaveLength(2);
    expect(types().at(-1)).toBe('synthesis-finished');
  });

  it('makes no repair when repairAttempts is 0', async () => {
    const model = createScriptedModel({ calls: firstTry(fence(SPLITS_SURROGATES)) });
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, repairAttempts: 0 });
    expect(result).toMatchObject({ status: 'experimental', attempts: 1 });
  });

  it('repairs an implementation that exports the wrong function name', async () => {
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(reverseSource('reverseString'))),
        { purpose: 'repair', match: 'does not export a function named reverse_string', reply: fence(reverseSource()) },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });
    expect(result).toMatchObject({ status: 'verified', attempts: 2 });
    expect(ofType(events, 'tests-failed')[0]?.suite.error).toMatchObject({ code: 'load_failed' });
  });

  it('repairs code that does not compile', async () => {
    const broken = 'export function reverse_string({ s }: { s: string }): string {\n  return Array.from(s).reverse().join(\'\'\n}';
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(broken)),
        { purpose: 'repair', match: 'does not compile: tool\\.ts:\\d+', reply: fence(reverseSource()) },
      ],
    });
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free });
    expect(result).toMatchObject({ status: 'verified', attempts: 2 });
  });

  it('stops code that loops forever at the sandbox limit and repairs it', async () => {
    const loops = 'export function reverse_string({ s }: { s: string }): string {\n  for (;;) {}\n}';
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(loops)),
        { purpose: 'repair', match: 'timeout', reply: fence(reverseSource()) },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, limits: { suiteTimeoutMs: 400 }, onEvent });
    expect(result).toMatchObject({ status: 'verified', attempts: 2 });
    expect(ofType(events, 'tests-failed')[0]?.suite.error).toMatchObject({ code: 'timeout' });
  });

  it('ignores a repair that changes a test without a "Test fix:" line, and says so', async () => {
    const wrongTest = reverseTests('reverse_string', "\n  it('adds nothing', () => {\n    expect(reverse_string({ s: 'ab' })).toBe('ba!');\n  });");
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(reverseSource()), wrongTest),
        { purpose: 'repair', reply: `The code is right.\n${fence(reverseSource())}\nHere are better tests:\n${fence(reverseTests())}` },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, repairAttempts: 1, onEvent });
    expect(result).toMatchObject({ status: 'experimental', pkg: { tests: wrongTest } });
    expect(ofType(events, 'repair-generated')[0]).toMatchObject({ testsChanged: false, testChangeIgnored: expect.stringContaining('Test fix:') });
  });

  it('applies a repair that changes a test and says why with "Test fix:"', async () => {
    const wrongTest = reverseTests('reverse_string', "\n  it('adds nothing', () => {\n    expect(reverse_string({ s: 'ab' })).toBe('ba!');\n  });");
    const reason = '"adds nothing" expects a "!" the spec never mentions.';
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(reverseSource()), wrongTest),
        { purpose: 'repair', match: "expected[^\\n]*ba!", reply: `The code is right.\n${fence(reverseSource())}\nTest fix: ${reason}\n${fence(reverseTests())}` },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, repairAttempts: 1, onEvent });
    expect(result).toMatchObject({ status: 'verified', attempts: 2, pkg: { tests: reverseTests() } });
    expect(ofType(events, 'repair-generated')[0]).toMatchObject({ testsChanged: true, testFixReason: reason });
  });

  it('asks for the repair again when the reply holds no code, and ends experimental when it never does', async () => {
    const model = createScriptedModel({
      calls: [
        ...firstTry(fence(SPLITS_SURROGATES)),
        { purpose: 'repair', reply: 'I would split by code points.' },
        { purpose: 'repair', match: 'holds no code', reply: 'Use Array.from.' },
      ],
    });
    const { types, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });
    expect(result).toMatchObject({ status: 'experimental', attempts: 1 });
    expect(types().slice(-3)).toEqual(['tests-failed', 'repair-started', 'synthesis-finished']);
  });
});
