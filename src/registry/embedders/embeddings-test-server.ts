/**
 * Test support: a local HTTP server speaking the OpenAI embeddings API (`POST /v1/embeddings`) on
 * 127.0.0.1. Vectors are hashed bags of words, so texts sharing words are close; failures can be
 * scripted per request. Not part of the embedder itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsRequest {
  model: string;
  input: string[];
  authorization: string | undefined;
  dimensions: number | undefined;
}

export interface EmbeddingsTestServer {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseUrl: string;
  requests: EmbeddingsRequest[];
  /** The next `count` requests get `status` (with an OpenAI-style error body) instead of vectors. */
  failNext(options: { status: number; count?: number; message?: string; headers?: Record<string, string> }): void;
  close(): Promise<void>;
}

/** The server's vector for a text: each lower-case word adds 1 to a hashed slot; normalized. */
export function bagOfWordsVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  for (const word of text.toLowerCase().match(/[a-z0-9]+/g) ?? []) {
    let hash = 2166136261;
    for (const char of word) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    vector[hash % dimensions]! += 1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector.map((_, i) => (i === 0 ? 1 : 0)) : vector.map((value) => value / norm);
}

export async function startEmbeddingsTestServer(options: { dimensions?: number; apiKey?: string; models?: string[] } = {}): Promise<EmbeddingsTestServer> {
  const dimensions = options.dimensions ?? 64;
  const requests: EmbeddingsRequest[] = [];
  const failures: Array<{ status: number; message: string; headers: Record<string, string> }> = [];

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (message: string, type: string) => ({ error: { message, type, param: null, code: null } });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || req.url !== '/v1/embeddings') return reply(res, 404, error(`no route ${req.method} ${req.url}`, 'invalid_request_error'));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: string[] | string; dimensions?: number };
    const input = Array.isArray(body.input) ? body.input : [body.input];
    requests.push({ model: body.model, input, authorization: req.headers.authorization, dimensions: body.dimensions });
    const failure = failures.shift();
    if (failure !== undefined) return reply(res, failure.status, error(failure.message, 'server_error'), failure.headers);
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return reply(res, 401, error('Incorrect API key provided.', 'invalid_request_error'));
    }
    if (options.models !== undefined && !options.models.includes(body.model)) {
      return reply(res, 404, error(`The model \`${body.model}\` does not exist or you do not have access to it.`, 'invalid_request_error'));
    }
    const size = body.dimensions ?? dimensions;
    reply(res, 200, {
      object: 'list',
      model: body.model,
      data: input.map((text, index) => ({ object: 'embedding', index, embedding: bagOfWordsVector(text, size) })),
      usage: { prompt_tokens: input.length, total_tokens: input.length },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((thrown: unknown) => reply(res, 500, error(String(thrown), 'server_error')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext({ status, count = 1, message = `failure ${status}`, headers = {} }) {
      for (let i = 0; i < count; i++) failures.push({ status, message, headers });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((closeError) => (closeError ? reject(closeError) : resolve()));
      }),
  };
}
