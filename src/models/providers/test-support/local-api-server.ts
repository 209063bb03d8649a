import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the server does with one request: answer it, or never answer (for timeouts). */
export type ServerAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

/**
 * A provider API on 127.0.0.1 at a random port, answering each request with what `answer` says.
 * Tests run the real provider packages against it: real HTTP, real parsing, no model.
 */
export async function startLocalApiServer(answer: (request: RecordedRequest, index: number) => ServerAnswer) {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw;
      try {
        body = raw === '' ? undefined : JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      const request: RecordedRequest = { method: incoming.method ?? 'GET', path: incoming.url ?? '/', headers: incoming.headers, body };
      requests.push(request);
      const reply = answer(request, requests.length - 1);
      if (reply === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An OpenAI Responses API (`POST /v1/responses`) answer carrying `text`. */
export function responsesReply(text: string, usage = { input_tokens: 12, output_tokens: 7 }) {
  return {
    status: 200,
    body: {
      id: 'resp_local',
      object: 'response',
      created_at: 1_700_000_000,
      status: 'completed',
      model: 'gpt-local',
      output: [{ type: 'message', id: 'msg_local', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }],
      usage: { ...usage, total_tokens: usage.input_tokens + usage.output_tokens },
    },
  };
}

/** An OpenAI Chat Completions (`POST /v1/chat/completions`) answer carrying `text`. */
export function chatCompletionReply(text: string, usage = { prompt_tokens: 20, completion_tokens: 9 }) {
  return {
    status: 200,
    body: {
      id: 'chatcmpl_local',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'local-model',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

/** An Anthropic Messages (`POST /v1/messages`) answer carrying `text`. */
export function messagesReply(text: string, usage = { input_tokens: 30, output_tokens: 11 }) {
  return {
    status: 200,
    body: {
      id: 'msg_local',
      type: 'message',
      role: 'assistant',
      model: 'claude-local',
      content: [{ type: 'text', text }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage,
    },
  };
}

/** An OpenAI-style error body. */
export function apiError(status: number, message: string, code: string | null = null, headers?: Record<string, string>) {
  return { status, body: { error: { message, type: 'invalid_request_error', param: null, code } }, ...(headers === undefined ? {} : { headers }) };
}
