import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { createScriptedModel } from '../testing/index.ts';
import { argumentsSchema, bindArgumentsWithModel } from './bind-arguments-with-model.ts';
import { argumentsPrompt } from './prompts/arguments-prompt.ts';
import { starterManifest } from './test-support/starter-manifests.ts';

const roundNumber = starterManifest('round_number');
const addToDate = starterManifest('add_to_date');

describe('bindArgumentsWithModel', () => {
  it('returns the arguments object the model replies with, defaults filled', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'arguments', match: 'banker', reply: { value: 2.5, mode: 'half_even' } }] });
    const { args } = await bindArgumentsWithModel({ model, request: "banker's rounding of 2.5", manifest: roundNumber });
    expect(args).toEqual({ value: 2.5, decimals: 0, mode: 'half_even' });
  });

  it('asks again once with the schema errors when the reply does not fit the parameters', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'arguments', reply: { date: '2024-05-31', amount: -3, unit: 'fortnights' } },
      { purpose: 'arguments', match: 'could not be used as `tool_arguments`[\\s\\S]*unit', reply: { date: '2024-05-31', amount: -3, unit: 'months' } },
    ] });
    const { args } = await bindArgumentsWithModel({ model, request: 'subtract 3 months from 2024-05-31', manifest: addToDate });
    expect(args).toEqual({ date: '2024-05-31', amount: -3, unit: 'months' });
  });

  it('fails as the model\'s fault when the second reply does not fit either', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'arguments', reply: { value: 'two' } },
      { purpose: 'arguments', reply: { value: 2, decimals: 99 } },
    ] });
    const error = await bindArgumentsWithModel({ model, request: 'round two', manifest: roundNumber }).catch((thrown: unknown) => thrown);
    expect(ToolsmithError.isInstance(error) && error.kind === 'model' && error.code === 'model_reply_invalid').toBe(true);
  });

  it('sends the partial binding, its reasons and the previous result', async () => {
    const model = createScriptedModel({ calls: [{
      purpose: 'arguments',
      match: 'Previous result[\\s\\S]*"date":"2025-01-01"[\\s\\S]*may need to be negative',
      reply: { date: '2025-01-01', amount: -45, unit: 'days' },
    }] });
    const { args } = await bindArgumentsWithModel({
      model,
      request: 'the date 45 days before 2025-01-01',
      manifest: addToDate,
      context: { partial: { date: '2025-01-01', amount: 45 }, reasons: ['the request says "before", so amount may need to be negative'], previousResult: { value: 'x' } },
    });
    expect(args['amount']).toBe(-45);
  });
});

describe('argumentsSchema', () => {
  it('checks exactly what runTool checks, including keywords zod cannot express', () => {
    const slugify = starterManifest('find_replace');
    const schema = argumentsSchema(slugify.parameters);
    expect(schema.safeParse({ text: 'a', find: 'a', replace: 'b', flags: 'gx' }).success).toBe(false);
    expect(schema.safeParse({ text: 'a', find: 'a', replace: 'b', flags: 'gi' }).success).toBe(true);
  });
});

describe('argumentsPrompt', () => {
  it('names the tool, its schema and the request, and asks for the bare object', () => {
    const { system, prompt } = argumentsPrompt({ request: 'round 2.5', manifest: roundNumber, context: { recent: [{ role: 'user', content: 'hi' }] } });
    expect(system).toMatch(/only a JSON object/);
    expect(prompt).toContain('Tool: round_number');
    expect(prompt).toContain('"half_even"');
    expect(prompt).toContain('user: hi');
    expect(prompt.trimEnd().endsWith('round 2.5')).toBe(true);
  });
});
