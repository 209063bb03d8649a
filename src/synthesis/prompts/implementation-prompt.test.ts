import { describe, expect, it } from 'vitest';
import { extractCode } from '../../models/index.ts';
import { createScriptedModel } from '../../testing/index.ts';
import { fence, REVERSE_SPEC, reverseSource, reverseTests } from '../synthesis-test-support.ts';
import { buildImplementationPrompt, IMPLEMENTATION_PURPOSE, IMPLEMENTATION_SYSTEM_PROMPT } from './implementation-prompt.ts';
import { ToolSpecSchema } from './spec-prompt.ts';

const spec = ToolSpecSchema.parse(REVERSE_SPEC);

describe('implementation prompt', () => {
  it('gives the implementer the spec and the sandbox rules, and reads its code', async () => {
    const prompt = buildImplementationPrompt({ spec });
    const model = createScriptedModel({
      calls: [{
        purpose: 'implementation',
        match: 'Docstring:[\\s\\S]*export function reverse_string\\(args\\)[\\s\\S]*No imports at all[\\s\\S]*toolsmith\\.fs\\.readFile[\\s\\S]*same arguments always give the same result',
        reply: fence(reverseSource()),
      }],
    });
    const { text } = await model.generateText({ purpose: IMPLEMENTATION_PURPOSE, system: IMPLEMENTATION_SYSTEM_PROMPT, prompt });
    expect(extractCode(text, { language: 'ts' })).toBe(reverseSource());
  });

  it('shows the tests only when given them', () => {
    expect(buildImplementationPrompt({ spec })).not.toContain('The tests it must pass');
    expect(buildImplementationPrompt({ spec, tests: reverseTests() })).toContain(`The tests it must pass (tool.test.ts):\n\`\`\`ts\n${reverseTests()}`);
  });

  it('tells a process tool to import Node built-ins with the node: prefix', () => {
    const prompt = buildImplementationPrompt({ spec: { ...spec, runtime: 'process' } });
    expect(prompt).toContain('node: prefix');
    expect(prompt).not.toContain('No imports at all');
  });

  it('asks for input validation with clear errors', () => {
    expect(buildImplementationPrompt({ spec })).toMatch(/Validate the arguments[\s\S]*throw an Error whose message says which argument is wrong/);
  });
});
