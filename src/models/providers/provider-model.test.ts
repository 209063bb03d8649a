import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ToolsmithError } from '../../errors.ts';
import { createModel } from '../create-model.ts';
import type { ModelCallRecord } from '../model-port.ts';
import { withCallLog } from '../with-call-log.ts';
import {
  apiError, chatCompletionReply, messagesReply, responsesReply, startLocalApiServer,
  type RecordedRequest, type ServerAnswer,
} from './test-support/local-api-server.ts';

const Spec = z.object({ name: z.string(), description: z.string() });
const validSpec = JSON.stringify({ name: 'reverse_string', description: 'Reverses text.' });

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(answer: (request: RecordedRequest, index: number) => ServerAnswer) {
  const server = await startLocalApiServer(answer);
  close = server.close;
  return server;
}

const sleeps: number[] = [];
const fastRetry = { sleep: async (ms: number) => { sleeps.push(ms); }, baseDelayMs: 5 };

async function openaiModel(baseURL: string, options: { timeoutMs?: number } = {}) {
  return createModel({ spec: 'openai:gpt-4.1-mini', env: { OPENAI_API_KEY: 'sk-local', OPENAI_BASE_URL: baseURL }, cwd: '.', retry: fastRetry, ...options });
}

async function caught(promise: Promise<unknown>): Promise<ToolsmithError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  if (!ToolsmithError.isInstance(error)) throw new Error(`expected a ToolsmithError, got ${String(error)}`);
  return error;
}

describe('the openai provider (Responses API, on a local server)', () => {
  it('returns a structured reply, sends the schema and key, and records usage', async () => {
    const server = await serve(() => responsesReply(validSpec, { input_tokens: 40, output_tokens: 12 }));
    const records: ModelCallRecord[] = [];
    const model = withCallLog({ model: await openaiModel(server.baseURL), onCall: (record) => records.push(record) });
    const { object, usage } = await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', system: 'You write specs.', prompt: 'reverse a string' });
    expect(object).toEqual({ name: 'reverse_string', description: 'Reverses text.' });
    expect(usage).toEqual({ inputTokens: 40, outputTokens: 12 });
    expect(records).toEqual([expect.objectContaining({ purpose: 'spec', model: 'openai:gpt-4.1-mini', usage, attempt: 1 })]);
    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/responses');
    expect(request.headers.authorization).toBe('Bearer sk-local');
    expect(request.body).toMatchObject({ model: 'gpt-4.1-mini', text: { format: { type: 'json_schema', name: 'tool_spec' } } });
  });

  it('asks for strict JSON-schema mode only when the schema has no optional properties', async () => {
    const server = await serve(() => responsesReply(validSpec));
    const model = await openaiModel(server.baseURL);
    await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    await model.generateObject({ purpose: 'spec', schema: Spec.extend({ notes: z.string().optional() }), schemaName: 'tool_spec', prompt: 'p' });
    const strict = server.requests.map((request) => (request.body as { text: { format: { strict: boolean } } }).text.format.strict);
    expect(strict).toEqual([true, false]);
  });

  it('returns text replies unchanged', async () => {
    const server = await serve(() => responsesReply('```ts\nexport const x = 1;\n```'));
    const { text } = await (await openaiModel(server.baseURL)).generateText({ purpose: 'implementation', prompt: 'p' });
    expect(text).toBe('```ts\nexport const x = 1;\n```');
  });

  it('retries a 429 and honours Retry-After: 0', async () => {
    sleeps.length = 0;
    const server = await serve((_, index) => index === 0 ? apiError(429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': '0' }) : responsesReply(validSpec));
    const { object } = await (await openaiModel(server.baseURL)).generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    expect(object.name).toBe('reverse_string');
    expect(server.requests).toHaveLength(2);
    expect(sleeps).toEqual([0]);
  });

  it('gives up after three 500s with model_unavailable, backing off in between', async () => {
    sleeps.length = 0;
    const server = await serve(() => apiError(500, 'The server had an error', null));
    const error = await caught((await openaiModel(server.baseURL)).generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error).toMatchObject({ kind: 'system', code: 'model_unavailable', retryable: true });
    expect(error.message).toMatch(/3 tries/);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]! * 1.01 - 5);
  });

  it('stops at once on a 401 with model_auth_failed naming the key variable', async () => {
    const server = await serve(() => apiError(401, 'Incorrect API key provided', 'invalid_api_key'));
    const error = await caught((await openaiModel(server.baseURL)).generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error).toMatchObject({ kind: 'system', code: 'model_auth_failed' });
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(server.requests).toHaveLength(1);
  });

  it('stops at once on an unknown model with model_not_found', async () => {
    const server = await serve(() => apiError(404, 'The model `gpt-nope` does not exist', 'model_not_found'));
    const error = await caught((await openaiModel(server.baseURL)).generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error).toMatchObject({ kind: 'system', code: 'model_not_found' });
    expect(error.hint).toContain('TOOLSMITH_MODEL');
    expect(server.requests).toHaveLength(1);
  });

  it('fails with model_timeout when the server never answers', async () => {
    const server = await serve(() => 'hang');
    const model = await openaiModel(server.baseURL, { timeoutMs: 100 });
    const error = await caught(model.generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error).toMatchObject({ kind: 'system', code: 'model_timeout' });
    expect(server.requests).toHaveLength(3);
  });

  it('stops when the caller aborts, without retrying', async () => {
    const server = await serve(() => 'hang');
    const model = await openaiModel(server.baseURL);
    const controller = new AbortController();
    const pending = model.generateText({ purpose: 'answer', prompt: 'p', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stopped by the user')), 50);
    await expect(pending).rejects.toThrow('stopped by the user');
    expect(server.requests).toHaveLength(1);
  });

  it('re-asks once with the parse error after invalid JSON, then fails with model_reply_invalid', async () => {
    const server = await serve(() => responsesReply('{"name": "reverse_string", '));
    const records: ModelCallRecord[] = [];
    const model = withCallLog({ model: await openaiModel(server.baseURL), onCall: (record) => records.push(record) });
    const error = await caught(model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'reverse a string' }));
    expect(error).toMatchObject({ kind: 'model', code: 'model_reply_invalid' });
    expect(server.requests).toHaveLength(2);
    const followUp = JSON.stringify(server.requests[1]!.body);
    expect(followUp).toContain('not valid JSON');
    expect(followUp).toContain('{\\"name\\": \\"reverse_string\\", ');
    expect(records.map((record) => record.attempt)).toEqual([1, 2]);
  });

  it('accepts a corrected reply after a schema error', async () => {
    const server = await serve((_, index) => responsesReply(index === 0 ? '{"name": "reverse_string"}' : validSpec));
    const { object } = await (await openaiModel(server.baseURL)).generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    expect(object.description).toBe('Reverses text.');
    expect(JSON.stringify(server.requests[1]!.body)).toContain('description');
  });
});

describe('the openai-compatible provider (Chat Completions, on a local server)', () => {
  it('posts to /v1/chat/completions with a json_schema response format and records usage', async () => {
    const server = await serve(() => chatCompletionReply(validSpec, { prompt_tokens: 21, completion_tokens: 8 }));
    const model = await createModel({ spec: 'openai-compatible:qwen2.5-coder:7b', env: { TOOLSMITH_MODEL_BASE_URL: server.baseURL.replace(/\/v1$/, '') }, cwd: '.', retry: fastRetry });
    const { object, usage } = await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', prompt: 'p' });
    expect(object.name).toBe('reverse_string');
    expect(usage).toEqual({ inputTokens: 21, outputTokens: 8 });
    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.body).toMatchObject({ model: 'qwen2.5-coder:7b', response_format: { type: 'json_schema' } });
  });

  it('sends the optional key and retries a 503', async () => {
    const server = await serve((_, index) => index === 0 ? apiError(503, 'loading model', null) : chatCompletionReply('hi'));
    const model = await createModel({ spec: 'openai-compatible:llama3.2', env: { TOOLSMITH_MODEL_BASE_URL: server.baseURL, TOOLSMITH_MODEL_API_KEY: 'or-key' }, cwd: '.', retry: fastRetry });
    expect((await model.generateText({ purpose: 'answer', prompt: 'p' })).text).toBe('hi');
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(['Bearer or-key', 'Bearer or-key']);
  });
});

describe('the anthropic provider (Messages API, on a local server)', () => {
  it('returns a structured reply with usage and sends the key as x-api-key', async () => {
    const server = await serve(() => messagesReply(validSpec, { input_tokens: 33, output_tokens: 10 }));
    const model = await createModel({ spec: 'anthropic:claude-sonnet-4-5', env: { ANTHROPIC_API_KEY: 'ant-local', ANTHROPIC_BASE_URL: server.baseURL }, cwd: '.', retry: fastRetry });
    const { object, usage } = await model.generateObject({ purpose: 'spec', schema: Spec, schemaName: 'tool_spec', system: 'You write specs.', prompt: 'p' });
    expect(object.name).toBe('reverse_string');
    expect(usage).toEqual({ inputTokens: 33, outputTokens: 10 });
    expect(server.requests[0]!.path).toBe('/v1/messages');
    expect(server.requests[0]!.headers['x-api-key']).toBe('ant-local');
  });

  it('maps a 401 to model_auth_failed naming ANTHROPIC_API_KEY', async () => {
    const server = await serve(() => ({ status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } }));
    const model = await createModel({ spec: 'anthropic:claude-sonnet-4-5', env: { ANTHROPIC_API_KEY: 'bad', ANTHROPIC_BASE_URL: server.baseURL }, cwd: '.', retry: fastRetry });
    const error = await caught(model.generateText({ purpose: 'answer', prompt: 'p' }));
    expect(error).toMatchObject({ code: 'model_auth_failed' });
    expect(error.hint).toContain('ANTHROPIC_API_KEY');
    expect(server.requests).toHaveLength(1);
  });
});
