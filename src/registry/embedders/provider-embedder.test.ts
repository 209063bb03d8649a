import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../../errors.ts';
import { createEmbedderFromConfig } from './create-embedder-from-config.ts';
import { bagOfWordsVector, startEmbeddingsTestServer, type EmbeddingsTestServer } from './embeddings-test-server.ts';
import { createProviderEmbedder } from './provider-embedder.ts';

const fast = { attempts: 3, initialDelayMs: 1 };

async function rejection(promise: Promise<unknown>): Promise<ToolsmithError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!ToolsmithError.isInstance(error)) throw new Error(`expected a ToolsmithError, got ${String(error)}`);
  return error;
}

describe('provider embedder (OpenAI embeddings API on a local server)', () => {
  let server: EmbeddingsTestServer;
  beforeAll(async () => {
    server = await startEmbeddingsTestServer({ apiKey: 'sk-test', models: ['embed-small'] });
  });
  afterAll(async () => {
    await server.close();
  });

  const embedder = (overrides: { apiKey?: string; spec?: string; batchSize?: number; dimensions?: number } = {}) =>
    createProviderEmbedder({
      spec: overrides.spec ?? 'openai-compatible:embed-small',
      baseUrl: server.baseUrl,
      apiKey: overrides.apiKey ?? 'sk-test',
      retry: fast,
      ...(overrides.batchSize === undefined ? {} : { batchSize: overrides.batchSize }),
      ...(overrides.dimensions === undefined ? {} : { dimensions: overrides.dimensions }),
    });

  it('returns one vector per text, in order, across batches of at most 96', async () => {
    server.requests.length = 0;
    const texts = Array.from({ length: 200 }, (_, i) => `text number ${i} about item${i}`);
    const subject = embedder();
    const vectors = await subject.embed({ texts });
    expect(server.requests.map((request) => request.input.length)).toEqual([96, 96, 8]);
    expect(server.requests.every((request) => request.authorization === 'Bearer sk-test' && request.model === 'embed-small')).toBe(true);
    expect(vectors).toHaveLength(200);
    vectors.forEach((vector, i) => expect(Array.from(vector)).toEqual(Array.from(Float32Array.from(bagOfWordsVector(texts[i]!, 64)))));
    expect(subject.id).toBe('openai-compatible:embed-small');
    expect(subject.dimensions).toBe(64);
  });

  it('embeds a text seen before without another request', async () => {
    const subject = embedder({ batchSize: 2 });
    await subject.embed({ texts: ['alpha', 'beta'] });
    server.requests.length = 0;
    const [again, fresh] = await subject.embed({ texts: ['alpha', 'gamma'] });
    expect(server.requests.map((request) => request.input)).toEqual([['gamma']]);
    expect(Array.from(again!)).toEqual(Array.from(Float32Array.from(bagOfWordsVector('alpha', 64))));
    expect(fresh).toHaveLength(64);
  });

  it('retries 429 and 5xx replies with backoff, then succeeds', async () => {
    server.requests.length = 0;
    server.failNext({ status: 429, message: 'Rate limit reached', headers: { 'retry-after-ms': '5' } });
    server.failNext({ status: 503 });
    const [vector] = await embedder().embed({ texts: ['retried text'] });
    expect(server.requests).toHaveLength(3);
    expect(vector).toHaveLength(64);
  });

  it('gives up after three tries with a retryable system error', async () => {
    server.requests.length = 0;
    server.failNext({ status: 500, count: 3, message: 'boom' });
    const error = await rejection(embedder().embed({ texts: ['never embedded'] }));
    expect(server.requests).toHaveLength(3);
    expect(error).toMatchObject({ kind: 'system', code: 'embedder_unavailable', retryable: true });
    expect(error.message).toContain('after 3 tries');
  });

  it('fails at once with a clear error when the key is refused (401)', async () => {
    server.requests.length = 0;
    const error = await rejection(embedder({ apiKey: 'sk-wrong' }).embed({ texts: ['anything'] }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'user', code: 'embedder_auth_failed' });
    expect(error.message).toContain('refused the API key for openai-compatible:embed-small (HTTP 401: Incorrect API key provided.)');
    expect(error.hint).toContain('TOOLSMITH_EMBEDDER_API_KEY');
  });

  it('names an unknown model and how to fix it', async () => {
    const error = await rejection(embedder({ spec: 'openai-compatible:no-such-model' }).embed({ texts: ['anything'] }));
    expect(error).toMatchObject({ kind: 'user', code: 'embedder_model_unknown' });
    expect(error.message).toContain('no-such-model');
  });

  it('says the server is unreachable after retrying a refused connection', async () => {
    const closed = await startEmbeddingsTestServer();
    await closed.close();
    const subject = createProviderEmbedder({ spec: 'ollama:nomic-embed-text', baseUrl: closed.baseUrl, retry: fast });
    expect(subject).toMatchObject({ id: 'ollama:nomic-embed-text', dimensions: 768 });
    const error = await rejection(subject.embed({ texts: ['anything'] }));
    expect(error).toMatchObject({ kind: 'system', code: 'embedder_unreachable' });
    expect(error.hint).toContain(closed.baseUrl);
  });

  it('asks for shorter vectors and puts the length in the id', async () => {
    server.requests.length = 0;
    const subject = embedder({ dimensions: 16 });
    const [vector] = await subject.embed({ texts: ['short vector'] });
    expect(server.requests[0]?.dimensions).toBe(16);
    expect(vector).toHaveLength(16);
    expect(subject).toMatchObject({ id: 'openai-compatible:embed-small@16', dimensions: 16 });
  });

  it('rejects with the signal reason when aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(embedder().embed({ texts: ['x'], signal: controller.signal })).rejects.toThrow('stop');
  });

  it('refuses bad specs and missing settings before any request', () => {
    expect(() => createProviderEmbedder({ spec: 'cohere:embed' })).toThrow(/is not an embedder/);
    expect(() => createProviderEmbedder({ spec: 'openai:text-embedding-3-small' })).toThrow(/needs an OpenAI API key/);
    expect(() => createProviderEmbedder({ spec: 'openai-compatible:m' })).toThrow(/TOOLSMITH_EMBEDDER_BASE_URL|address/);
    expect(() => createProviderEmbedder({ spec: 'ollama:m', batchSize: 97 })).toThrow(/1 to 96/);
  });

  it('builds from the config: word vectors by default, OPENAI_API_KEY for openai', () => {
    expect(createEmbedderFromConfig({ embedder: 'word-vectors' }).id).toBe('word-vectors:wink-sg-100d:sif-v1');
    const openai = createEmbedderFromConfig({ embedder: 'openai:text-embedding-3-small', openaiApiKey: 'sk-x', embedderDimensions: 512 });
    expect(openai).toMatchObject({ id: 'openai:text-embedding-3-small@512', dimensions: 512 });
  });
});
