import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { createModel } from './create-model.ts';
import { readDotEnv } from './read-dot-env.ts';

async function caught(promise: Promise<unknown>): Promise<ToolsmithError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!ToolsmithError.isInstance(error)) throw new Error(`expected a ToolsmithError, got ${String(error)}`);
  return error;
}

describe('createModel', () => {
  it('refuses an unknown provider, listing the valid ones with an example', async () => {
    const error = await caught(createModel({ spec: 'gemini:pro', cwd: '.' }));
    expect(error).toMatchObject({ kind: 'user', code: 'model_provider_unknown' });
    expect(error.message).toContain('openai, anthropic, openai-compatible, scripted');
    expect(error.hint).toContain('openai:gpt-4.1-mini');
  });

  it('refuses a spec without a model name', async () => {
    expect((await caught(createModel({ spec: 'openai', cwd: '.' }))).code).toBe('model_spec_invalid');
  });

  it('names the variable to set when a key is missing', async () => {
    const openai = await caught(createModel({ spec: 'openai:gpt-4.1-mini', env: { OPENAI_API_KEY: ' ' }, cwd: '.' }));
    expect(openai).toMatchObject({ kind: 'user', code: 'model_key_missing' });
    expect(openai.message).toContain('OPENAI_API_KEY');
    const anthropic = await caught(createModel({ spec: 'anthropic:claude-sonnet-4-5', env: { OPENAI_API_KEY: 'k' }, cwd: '.' }));
    expect(anthropic.message).toContain('ANTHROPIC_API_KEY');
  });

  it('needs a base URL for openai-compatible, and no key', async () => {
    const error = await caught(createModel({ spec: 'openai-compatible:llama3.2', cwd: '.' }));
    expect(error).toMatchObject({ kind: 'user', code: 'model_base_url_missing' });
    expect(error.message).toContain('TOOLSMITH_MODEL_BASE_URL');
    const model = await createModel({ spec: 'openai-compatible:qwen2.5-coder:7b', env: { TOOLSMITH_MODEL_BASE_URL: 'http://localhost:11434' }, cwd: '.' });
    expect(model.id).toBe('openai-compatible:qwen2.5-coder:7b');
  });

  it('refuses a base URL that is not one', async () => {
    const error = await caught(createModel({ spec: 'openai:gpt-4.1', env: { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'localhost:1234' }, cwd: '.' }));
    expect(error.code).toBe('model_base_url_invalid');
  });

  it('never loads the AI SDK for a scripted model', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-lazy-'));
    await writeFile(path.join(dir, 'script.json'), JSON.stringify({ calls: [{ purpose: 'answer', reply: 'ok' }] }));
    const entry = new URL('./index.ts', import.meta.url).href;
    const program = `
      import { registerHooks } from 'node:module';
      const loaded = [];
      registerHooks({ resolve(specifier, context, next) { if (/^(ai|@ai-sdk\\/)/.test(specifier)) loaded.push(specifier); return next(specifier, context); } });
      const { createModel } = await import(${JSON.stringify(entry)});
      const model = await createModel({ spec: 'scripted:script.json', cwd: ${JSON.stringify(dir)} });
      const { text } = await model.generateText({ purpose: 'answer', prompt: 'p' });
      console.log(JSON.stringify({ text, loaded }));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', program]);
    expect(JSON.parse(stdout)).toEqual({ text: 'ok', loaded: [] });
  });
});

describe('readDotEnv', () => {
  it('parses .env without touching process.env', async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), 'toolsmith-env-'));
    await writeFile(path.join(cwd, '.env'), '# keys\nOPENAI_API_KEY=sk-from-file\nTOOLSMITH_MODEL="openai:gpt-4.1-mini" # inline\n');
    const env = await readDotEnv({ cwd });
    expect(env).toEqual({ OPENAI_API_KEY: 'sk-from-file', TOOLSMITH_MODEL: 'openai:gpt-4.1-mini' });
    expect(process.env['OPENAI_API_KEY']).not.toBe('sk-from-file');
  });

  it('returns nothing when there is no .env', async () => {
    expect(await readDotEnv({ cwd: await mkdtemp(path.join(tmpdir(), 'toolsmith-env-')) })).toEqual({});
  });
});
