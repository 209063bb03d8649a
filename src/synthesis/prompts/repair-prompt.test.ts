import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../testing/index.ts';
import { parseRepairReply } from '../repair-reply.ts';
import { fence, REVERSE_SPEC, reverseSource, reverseTests, SPLITS_SURROGATES } from '../synthesis-test-support.ts';
import { buildRepairPrompt, REPAIR_PURPOSE, REPAIR_SYSTEM_PROMPT, TEST_FIX_MARKER } from './repair-prompt.ts';
import { ToolSpecSchema } from './spec-prompt.ts';

const spec = ToolSpecSchema.parse(REVERSE_SPEC);
const failures = [
  { test: 'reverse_string > keeps surrogate pairs whole', message: 'expected "b\\ude00\\ud83da" to be "b😀a"', expected: '"b😀a"', received: '"b\\ude00\\ud83da"' },
  { message: 'timeout: the suite ran past limits.suiteTimeoutMs (400 ms)' },
];

describe('repair prompt', () => {
  it('sends the failing tests with expected and received and the current files, and its reply parses', async () => {
    const prompt = buildRepairPrompt({ spec, source: SPLITS_SURROGATES, tests: reverseTests(), failures, attempt: 1 });
    const model = createScriptedModel({
      calls: [{
        purpose: 'repair',
        match: 'Current tool\\.ts:[\\s\\S]*s\\.split\\(\'\'\\)[\\s\\S]*Current tool\\.test\\.ts:[\\s\\S]*' +
          'Test "reverse_string > keeps surrogate pairs whole": [^\\n]*\\(expected "b😀a", received [^\\n]*\\)\\n- The whole suite: timeout',
        reply: `Split by code points.\n${fence(reverseSource())}`,
      }],
    });
    const { text } = await model.generateText({ purpose: REPAIR_PURPOSE, system: REPAIR_SYSTEM_PROMPT, prompt });
    expect(parseRepairReply(text)).toEqual({ source: reverseSource() });
  });

  it('states the reply shape, including when and how a test may change', () => {
    expect(REPAIR_SYSTEM_PROMPT).toContain(`a line starting "${TEST_FIX_MARKER}"`);
    expect(REPAIR_SYSTEM_PROMPT).toMatch(/implementation is usually what is wrong/);
    expect(REPAIR_SYSTEM_PROMPT).toMatch(/never just because it fails/);
    expect(buildRepairPrompt({ spec, source: '', tests: '', failures, attempt: 2 })).toContain('(repair 2)');
  });
});
