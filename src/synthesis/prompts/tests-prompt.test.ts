import { describe, expect, it } from 'vitest';
import { extractCode } from '../../models/index.ts';
import { createScriptedModel } from '../../testing/index.ts';
import { checkTestFile } from '../check-test-file.ts';
import { fence, REVERSE_SPEC, reverseTests } from '../synthesis-test-support.ts';
import { ToolSpecSchema } from './spec-prompt.ts';
import { buildTestsPrompt, TESTS_PURPOSE, TESTS_SYSTEM_PROMPT } from './tests-prompt.ts';

const spec = ToolSpecSchema.parse(REVERSE_SPEC);

describe('tests prompt', () => {
  it('gives the test writer the spec and the rules, and its reply passes the static checks', async () => {
    const prompt = buildTestsPrompt({ spec, examples: ['"abc" → "cba"'] });
    const model = createScriptedModel({
      calls: [{
        purpose: 'tests',
        match: "\"name\": \"reverse_string\"[\\s\\S]*Docstring:[\\s\\S]*olleh[\\s\\S]*\"abc\" → \"cba\"[\\s\\S]*import \\{ reverse_string \\} from './tool'[\\s\\S]*at least 5",
        reply: `Here you go.\n${fence(reverseTests())}`,
      }],
    });
    const { text } = await model.generateText({ purpose: TESTS_PURPOSE, system: TESTS_SYSTEM_PROMPT, prompt });
    expect(checkTestFile(extractCode(text, { language: 'ts' }), { name: 'reverse_string' })).toEqual([]);
  });

  it('asks for normal, edge and error cases, and the toThrow form for errors', () => {
    const prompt = buildTestsPrompt({ spec });
    expect(prompt).toMatch(/normal cases[\s\S]*edge cases[\s\S]*error cases/);
    expect(prompt).toContain('expect(() => reverse_string({ ... })).toThrow()');
    expect(prompt).toContain("import { describe, it, expect } from 'vitest'");
    expect(TESTS_SYSTEM_PROMPT).toMatch(/do not see the implementation/);
  });

  it('quotes the rejected reply and the reason on a second try', () => {
    const prompt = buildTestsPrompt({ spec, retry: { reply: 'it(1)', reason: 'The file declares 1 test; write at least 5.' } });
    expect(prompt).toMatch(/previous reply was rejected:\nThe file declares 1 test[\s\S]*it\(1\)/);
  });
});
