import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolsmithError } from '../../errors.ts';
import { createModel } from '../create-model.ts';
import type { ModelCallRecord } from '../model-port.ts';
import { withCallLog } from '../with-call-log.ts';
import { createScriptedModel } from './create-scripted-model.ts';

const Spec = z.object({ name: z.string().regex(/^[a-z_]+$/), description: z.string() });

async function caught(promise: Promise<unknown>): Promise<ToolsmithError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!ToolsmithError.isInstance(error)) throw new Error(`expected a ToolsmithError, got ${String(error)}`);
  return error;
}

describe('the scripted model picks replies', () => {
  it('by purpose, skipping entries for other purposes', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'implementation', reply: 'code' },
      { purpose: 'answer', reply: 'the answer' },
    ] });
    expect((await model.generateText({ purpose: 'answer', prompt: 'anything' })).text).toBe('the answer');
  });

  it('by match, case-insensitively, against the prompt', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'answer', match: 'celsius', reply: 'temperature' },
      { purpose: 'answer', match: 'revers(e|ing)', reply: 'olleh' },
    ] });
    expect((await model.generateText({ purpose: 'answer', prompt: 'Please REVERSE hello' })).text).toBe('olleh');
    expect((await model.generateText({ purpose: 'answer', prompt: 'Convert 20 Celsius' })).text).toBe('temperature');
  });

  it('takes the first unused entry, so a purpose can be answered several times in order', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'repair', reply: 'first' },
      { purpose: 'repair', reply: 'second' },
    ] });
    expect((await model.generateText({ purpose: 'repair', prompt: 'p' })).text).toBe('first');
    expect((await model.generateText({ purpose: 'repair', prompt: 'p' })).text).toBe('second');
  });

  it('fails with script_exhausted naming the purpose and the patterns left', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'spec', match: 'weather', reply: {} }] });
    const error = await caught(model.generateText({ purpose: 'spec', prompt: 'reverse a string' }));
    expect(error.kind).toBe('model');
    expect(error.code).toBe('script_exhausted');
    expect(error.message).toContain('spec');
    expect(error.message).toContain('"weather"');
  });

  it('fails with script_exhausted once every entry for the purpose is used', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'answer', reply: 'once' }] });
    await model.generateText({ purpose: 'answer', prompt: 'p' });
    const error = await caught(model.generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error.code).toBe('script_exhausted');
    expect(error.message).toMatch(/no reply left for a answer call/);
  });
});

describe('the scripted model replies', () => {
  it('returns text replies as written, code fences and all', async () => {
    const reply = 'Here it is:\n```ts\nexport const x = 1;\n```';
    const model = createScriptedModel({ calls: [{ purpose: 'implementation', reply }] });
    expect((await model.generateText({ purpose: 'implementation', prompt: 'p' })).text).toBe(reply);
  });

  it('estimates usage at four characters a token', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'answer', reply: '12345' }] });
    const { usage } = await model.generateText({ purpose: 'answer', system: 'abcd', prompt: 'efghi' });
    expect(usage).toEqual({ inputTokens: 3, outputTokens: 2 });
  });

  it('checks an object reply against the call schema and returns it', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'spec', reply: { name: 'reverse_string', description: 'Reverses text.' } }] });
    const { object } = await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    expect(object).toEqual({ name: 'reverse_string', description: 'Reverses text.' });
  });

  it('parses a string reply to a structured call as JSON, inside a ```json fence too', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'spec', reply: 'Sure:\n```json\n{"name": "slugify", "description": "Slugs."}\n```' }] });
    const { object } = await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    expect(object.name).toBe('slugify');
  });
});

describe('a structured reply that fails its schema', () => {
  it('is asked for again once, with the validation error in the follow-up prompt', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'spec', reply: { name: 'Reverse String', description: 'Reverses text.' } },
      { purpose: 'spec', match: 'could not be used as `tool_spec`[\\s\\S]*name', reply: { name: 'reverse_string', description: 'Reverses text.' } },
    ] });
    const records: ModelCallRecord[] = [];
    const logged = withCallLog({ model, onCall: (record) => records.push(record) });
    const { object, usage } = await logged.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'reverse a string' });
    expect(object.name).toBe('reverse_string');
    expect(records.map((record) => [record.purpose, record.attempt])).toEqual([['spec', 1], ['spec', 2]]);
    expect(usage.inputTokens).toBe(records[0]!.usage.inputTokens + records[1]!.usage.inputTokens);
  });

  it('fails with model_reply_invalid carrying the error when the second reply fails too', async () => {
    const model = createScriptedModel({ calls: [
      { purpose: 'spec', reply: 'not json at all' },
      { purpose: 'spec', match: 'not valid JSON', reply: { name: 42 } },
    ] });
    const error = await caught(model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' }));
    expect(error.kind).toBe('model');
    expect(error.code).toBe('model_reply_invalid');
    expect(error.message).toMatch(/name/);
    expect(error.details?.['error']).toMatch(/description/);
  });
});

describe('a script file', () => {
  async function scriptFile(content: string): Promise<{ cwd: string; file: string }> {
    const cwd = await mkdtemp(path.join(tmpdir(), 'toolsmith-script-'));
    await writeFile(path.join(cwd, 'script.json'), content);
    return { cwd, file: 'script.json' };
  }

  it('loads through createModel with scripted:FILE relative to cwd', async () => {
    const { cwd } = await scriptFile(JSON.stringify({ calls: [{ purpose: 'answer', reply: 'from file' }] }));
    const model = await createModel({ spec: 'scripted:script.json', cwd });
    expect(model.id).toBe('scripted:script.json');
    expect((await model.generateText({ purpose: 'answer', prompt: 'p' })).text).toBe('from file');
  });

  it('with an unknown purpose or a bad regex is a user error naming the file and the entry', async () => {
    const { cwd } = await scriptFile(JSON.stringify({ calls: [{ purpose: 'answer', reply: 'ok' }, { purpose: 'specs', match: '(', reply: 'x' }] }));
    const error = await caught(createModel({ spec: 'scripted:script.json', cwd }));
    expect(error.kind).toBe('user');
    expect(error.code).toBe('script_invalid');
    expect(error.message).toContain(path.join(cwd, 'script.json'));
    expect(error.message).toMatch(/calls\[1\]\.purpose/);
    expect(error.message).toMatch(/not a valid regular expression\s+→ at calls\[1\]\.match/);
  });

  it('that is not JSON, or missing, is a user error', async () => {
    const { cwd } = await scriptFile('{ calls: ');
    expect((await caught(createModel({ spec: 'scripted:script.json', cwd }))).code).toBe('script_invalid');
    expect((await caught(createModel({ spec: 'scripted:nope.json', cwd }))).code).toBe('script_not_found');
  });
});
