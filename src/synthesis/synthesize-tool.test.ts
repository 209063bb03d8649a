import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import type { ModelCallRecord } from '../models/index.ts';
import { createSandbox, type Sandbox } from '../sandbox/index.ts';
import { createScriptedModel, withCallLog } from '../testing/index.ts';
import { synthesizeTool } from './synthesize-tool.ts';
import {
  collectEvents,
  FAST_LIMITS,
  fence,
  passingScript,
  REVERSE_SPEC,
  reverseSource,
  reverseTests,
} from './synthesis-test-support.ts';

const sandbox = createSandbox({ limits: FAST_LIMITS });
const free = () => false;

describe('synthesizeTool', () => {
  it('verifies reverse_string on the first try, writing tests and implementation before verifying', async () => {
    const log: string[] = [];
    const model = withCallLog({
      // The test writer never sees the code, and the implementer never sees the tests.
      model: createScriptedModel({
        calls: [
          { purpose: 'spec', match: 'reverse', reply: REVERSE_SPEC },
          { purpose: 'tests', match: '^(?![\\s\\S]*Array\\.from)', reply: fence(reverseTests()) },
          { purpose: 'implementation', match: '^(?![\\s\\S]*surrogate pairs whole)', reply: fence(reverseSource()) },
        ],
      }),
      onCall: (record: ModelCallRecord) => log.push(`call:${record.purpose}`),
    });
    const { events, types, onEvent } = collectEvents();
    const result = await synthesizeTool({
      model, sandbox, request: 'reverse a string', nameTaken: free,
      onEvent: (event) => { log.push(`event:${event.type}`); onEvent(event); },
    });

    expect(result).toMatchObject({ status: 'verified', attempts: 1, spec: { name: 'reverse_string', docstring: expect.stringContaining('olleh') } });
    expect(result.pkg.manifest).toEqual({
      name: 'reverse_string', description: REVERSE_SPEC.description, parameters: REVERSE_SPEC.parameters,
      returns: { type: 'string' }, runtime: 'isolate', capabilities: {}, version: '1.0.0',
    });
    expect(result.pkg.source).toBe(reverseSource());
    expect(result.suite.totals).toEqual({ total: 5, passed: 5, failed: 0, skipped: 0 });

    expect(types().slice(0, 1)).toEqual(['spec-generated']);
    expect(types().slice(1, 3).sort()).toEqual(['implementation-generated', 'tests-generated']);
    expect(types().slice(3)).toEqual(['verification-started', 'tests-passed', 'synthesis-finished']);
    const verifying = log.indexOf('event:verification-started');
    expect(log.indexOf('call:tests')).toBeGreaterThan(-1);
    expect(log.indexOf('call:tests')).toBeLessThan(verifying);
    expect(log.indexOf('call:implementation')).toBeGreaterThan(-1);
    expect(log.indexOf('call:implementation')).toBeLessThan(verifying);

    expect(events.find((event) => event.type === 'tests-generated')).toMatchObject({ count: 5, tests: reverseTests() });
    expect(events.find((event) => event.type === 'tests-passed')).toMatchObject({ attempt: 1, totals: { passed: 5 } });
    expect(events.at(-1)).toMatchObject({ type: 'synthesis-finished', status: 'verified', attempts: 1 });
    for (const event of events) expect(event.at).toBeGreaterThan(0);
  });

  it('starts the tests and the implementation together', async () => {
    const started: string[] = [];
    const scripted = createScriptedModel({ calls: passingScript() });
    const model = {
      ...scripted,
      generateObject: scripted.generateObject.bind(scripted),
      generateText: async (call: Parameters<typeof scripted.generateText>[0]) => {
        started.push(`start:${call.purpose}`);
        const reply = await scripted.generateText(call);
        started.push(`end:${call.purpose}`);
        return reply;
      },
    };
    await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free });
    expect(started.slice(0, 2).sort()).toEqual(['start:implementation', 'start:tests']);
  });

  it('takes the code out of fences with prose around it', async () => {
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: REVERSE_SPEC },
        { purpose: 'tests', reply: `Here are the tests, covering the edge cases:\n\n${fence(reverseTests(), 'typescript')}\n\nThey use only vitest.` },
        { purpose: 'implementation', reply: `Sure! This handles emoji:\n${fence(reverseSource())}\nLet me know if you need more.` },
      ],
    });
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free });
    expect(result.status).toBe('verified');
    expect(result.pkg.source).toBe(reverseSource());
    expect(result.pkg.tests).toBe(reverseTests());
  });

  it('asks for the spec again when the first reply is not valid JSON', async () => {
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: '{"name": "reverse_string", "description": ' },
        { purpose: 'spec', match: 'could not be used', reply: REVERSE_SPEC },
        ...passingScript().slice(1),
      ],
    });
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free });
    expect(result).toMatchObject({ status: 'verified', spec: { name: 'reverse_string' } });
  });

  it('asks for the spec again when the reply is not a valid manifest', async () => {
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: { ...REVERSE_SPEC, name: 'Reverse String', description: 'Reverses.\nBy code point.' } },
        { purpose: 'spec', match: 'snake_case[\\s\\S]*one line|one line[\\s\\S]*snake_case', reply: REVERSE_SPEC },
        ...passingScript().slice(1),
      ],
    });
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free });
    expect(result.spec.name).toBe('reverse_string');
  });

  it('gives a name the library already has a numeric suffix', async () => {
    const taken = new Set(['reverse_string']);
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: REVERSE_SPEC },
        { purpose: 'tests', match: "import \\{ reverse_string_2 \\} from './tool'", reply: fence(reverseTests('reverse_string_2')) },
        { purpose: 'implementation', match: 'reverse_string_2\\(\\{ s: "hello" \\}\\)', reply: fence(reverseSource('reverse_string_2')) },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: async (name) => taken.has(name), onEvent });
    expect(result).toMatchObject({ status: 'verified', spec: { name: 'reverse_string_2' }, pkg: { manifest: { name: 'reverse_string_2' } } });
    expect(events[0]).toMatchObject({ type: 'spec-generated', renamedFrom: 'reverse_string', spec: { name: 'reverse_string_2' } });
  });

  it('gives the implementer the tests first when sequential', async () => {
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: REVERSE_SPEC },
        { purpose: 'tests', reply: fence(reverseTests()) },
        { purpose: 'implementation', match: "The tests it must pass[\\s\\S]*it\\('keeps surrogate pairs whole'", reply: fence(reverseSource()) },
      ],
    });
    const { types, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, sequential: true, onEvent });
    expect(result.status).toBe('verified');
    expect(types().slice(0, 3)).toEqual(['spec-generated', 'tests-generated', 'implementation-generated']);
  });

  it('asks for the tests again, with the reason, when there are fewer than five', async () => {
    const three = reverseTests().replace(/  it\('keeps a single[\s\S]*?\n  \}\);\n  it\('keeps surrogate[\s\S]*?\n  \}\);\n/, '');
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: REVERSE_SPEC },
        { purpose: 'tests', reply: fence(three) },
        { purpose: 'tests', match: 'declares 3 tests; write at least 5', reply: fence(reverseTests()) },
        { purpose: 'implementation', reply: fence(reverseSource()) },
      ],
    });
    const { events, onEvent } = collectEvents();
    const result = await synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });
    expect(result.status).toBe('verified');
    expect(events.filter((event) => event.type === 'tests-generated')).toEqual([expect.objectContaining({ count: 5 })]);
  });

  it('fails with a model error when the tests are too few twice', async () => {
    const one = "import { describe, it, expect } from 'vitest';\nimport { reverse_string } from './tool';\nit('reverses', () => { expect(reverse_string({ s: 'ab' })).toBe('ba'); });";
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: REVERSE_SPEC },
        { purpose: 'tests', reply: fence(one) },
        { purpose: 'tests', reply: fence(one) },
        { purpose: 'implementation', reply: fence(reverseSource()) },
      ],
    });
    const { types, onEvent } = collectEvents();
    const failure = synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, onEvent });
    await expect(failure).rejects.toMatchObject({ kind: 'model', code: 'tests_invalid', message: expect.stringContaining('declares 1 test;') });
    expect(types()).not.toContain('verification-started');
    expect(types()).not.toContain('synthesis-finished');
  });

  it('stops at the next stage when aborted, throwing aborted and verifying nothing', async () => {
    let verifications = 0;
    const counting: Sandbox = { ...sandbox, verify: (options) => { verifications++; return sandbox.verify(options); } };
    const controller = new AbortController();
    const { types, onEvent } = collectEvents();
    const failure = synthesizeTool({
      model: createScriptedModel({ calls: passingScript() }),
      sandbox: counting,
      request: 'reverse a string',
      nameTaken: free,
      signal: controller.signal,
      onEvent: (event) => {
        onEvent(event);
        if (event.type === 'implementation-generated') controller.abort();
      },
    });
    const error: unknown = await failure.catch((caught: unknown) => caught);
    expect(ToolsmithError.isInstance(error) && error.code).toBe('aborted');
    expect(verifications).toBe(0);
    expect(types()).not.toContain('verification-started');
    expect(types()).not.toContain('synthesis-finished');
  });

  it('throws aborted before asking anything when the signal has already fired', async () => {
    const records: ModelCallRecord[] = [];
    const model = withCallLog({ model: createScriptedModel({ calls: passingScript() }), onCall: (record) => records.push(record) });
    const failure = synthesizeTool({ model, sandbox, request: 'reverse a string', nameTaken: free, signal: AbortSignal.abort() });
    await expect(failure).rejects.toMatchObject({ code: 'aborted' });
    expect(records).toEqual([]);
  });
});
