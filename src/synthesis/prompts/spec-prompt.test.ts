import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../../testing/index.ts';
import { REVERSE_SPEC } from '../synthesis-test-support.ts';
import { buildSpecPrompt, SPEC_PURPOSE, SPEC_SCHEMA_NAME, SPEC_SYSTEM_PROMPT, ToolSpecSchema } from './spec-prompt.ts';

const ask = (model: ReturnType<typeof createScriptedModel>, prompt: string) =>
  model.generateObject({ purpose: SPEC_PURPOSE, schema: ToolSpecSchema, schemaName: SPEC_SCHEMA_NAME, system: SPEC_SYSTEM_PROMPT, prompt });

describe('spec prompt', () => {
  it('carries the request and the examples to the model and reads the reply as a spec', async () => {
    const prompt = buildSpecPrompt({ request: 'reverse a string', examples: ['"abc" → "cba"'] });
    const { docstring, runtime: _runtime, version: _version, capabilities: _capabilities, ...minimal } = REVERSE_SPEC;
    const model = createScriptedModel({
      calls: [{ purpose: 'spec', match: 'Request: reverse a string[\\s\\S]*- "abc" → "cba"', reply: { ...minimal, docstring } }],
    });
    const { object } = await ask(model, prompt);
    // Fields tool.json may leave out get the manifest's defaults.
    expect(object).toMatchObject({ name: 'reverse_string', runtime: 'isolate', capabilities: {}, version: '1.0.0', docstring });
  });

  it('asks for the fields of tool.json, the docstring and the sandbox limits', () => {
    for (const field of ['"name"', '"description"', '"parameters"', '"returns"', '"runtime"', '"capabilities"', '"docstring"']) {
      expect(SPEC_SYSTEM_PROMPT).toContain(field);
    }
    expect(SPEC_SYSTEM_PROMPT).toMatch(/edge cases/);
    expect(SPEC_SYSTEM_PROMPT).toMatch(/never network/);
  });

  it('rejects a spec whose parameters are not a valid JSON Schema, so the model is asked again', async () => {
    const model = createScriptedModel({
      calls: [
        { purpose: 'spec', reply: { ...REVERSE_SPEC, parameters: { type: 'object', properties: { s: { type: 'strin' } } } } },
        { purpose: 'spec', match: 'parameters is not a valid JSON Schema', reply: REVERSE_SPEC },
      ],
    });
    const { object } = await ask(model, buildSpecPrompt({ request: 'reverse a string' }));
    expect(object.parameters).toEqual(REVERSE_SPEC.parameters);
  });

  it('holds a spec to the manifest rules', () => {
    expect(ToolSpecSchema.safeParse(REVERSE_SPEC).success).toBe(true);
    expect(ToolSpecSchema.safeParse({ ...REVERSE_SPEC, name: 'reverseString' }).success).toBe(false);
    expect(ToolSpecSchema.safeParse({ ...REVERSE_SPEC, description: 'two\nlines' }).success).toBe(false);
    expect(ToolSpecSchema.safeParse({ ...REVERSE_SPEC, docstring: '' }).success).toBe(false);
    expect(ToolSpecSchema.safeParse({ ...REVERSE_SPEC, parameters: { type: 'string' } }).success).toBe(false);
    expect(ToolSpecSchema.safeParse({ ...REVERSE_SPEC, author: 'me' }).success).toBe(false);
  });
});
