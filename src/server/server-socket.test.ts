import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { createModelGate, parseSse, openTestToolsmith, type SseMessage, type TestToolsmith } from './server-test-support.ts';
import { startServer, type RunningServer } from './start-server.ts';

/** Reads SSE messages from a live response until `count` have arrived, then drops the connection. */
async function readThenDisconnect(response: Response, count: number, controller: AbortController): Promise<SseMessage[]> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (parseSse(text.slice(0, text.lastIndexOf('\n\n') + 2)).length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  controller.abort();
  return parseSse(text.slice(0, text.lastIndexOf('\n\n') + 2)).slice(0, count);
}

describe('the HTTP API over a real socket', () => {
  let setup: TestToolsmith;
  let server: RunningServer;
  const gate = createModelGate();

  beforeAll(async () => {
    setup = await openTestToolsmith({ wrapModel: gate.wrap });
    server = await startServer({ toolsmith: setup.toolsmith, config: setup.config, port: 0 });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await setup?.dispose();
  });

  it('keeps running a request whose client disconnected, and resumes its events from Last-Event-ID', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // A synthesis, held at its first model call until the client has gone.
    const started = await fetch(`${server.url}/api/requests`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ request: "Reverse the string 'hello world'" }) });
    expect(started.status).toBe(202);
    const { requestId, eventsUrl } = (await started.json()) as { requestId: string; eventsUrl: string };

    const controller = new AbortController();
    const live = await fetch(`${server.url}${eventsUrl}`, { signal: controller.signal, headers: { Accept: 'text/event-stream' } });
    expect(live.status).toBe(200);
    const firstThree = await readThenDisconnect(live, 3, controller);
    expect(firstThree.map((message) => message.id)).toEqual([1, 2, 3]);
    expect(firstThree[0]?.event.type).toBe('request-received');
    const midway = (await (await fetch(`${server.url}/api/requests/${requestId}`)).json()) as { status: string };
    expect(midway.status).toBe('running');
    gate.open();

    await server.runner.settled({ requestId });
    const finished = (await (await fetch(`${server.url}/api/requests/${requestId}`)).json()) as { status: string; eventCount: number; outcome: { result: unknown } };
    expect(finished).toMatchObject({ status: 'succeeded', outcome: { result: 'dlrow olleh' } });

    const resumed = await fetch(`${server.url}${eventsUrl}`, { headers: { 'Last-Event-ID': '3' } });
    const rest = parseSse(await resumed.text());
    expect(rest.map((message) => message.id)).toEqual(Array.from({ length: finished.eventCount - 3 }, (_, index) => index + 4));
    const types = [...firstThree, ...rest].map((message) => message.event.type);
    expect(types).toEqual(expect.arrayContaining(['synthesis', 'tool-registered', 'tool-executed']));
    expect(types.at(-1)).toBe('answer-generated');
  }, 60_000);

  it('streams a live request to its end: "What is 15 percent of 300?" ends with answer-generated', async () => {
    gate.open();
    const started = await fetch(`${server.url}/api/requests`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ request: 'What is 15 percent of 300?' }) });
    const { eventsUrl } = (await started.json()) as { eventsUrl: string };
    const response = await fetch(`${server.url}${eventsUrl}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const messages = parseSse(await response.text());
    expect(messages[0]?.event.type).toBe('request-received');
    expect(messages.at(-1)?.event).toMatchObject({ type: 'answer-generated', text: expect.stringContaining('45') });
  });

  it('refuses to listen on a non-loopback host without a token, before binding anything', async () => {
    const refused = await startServer({ toolsmith: setup.toolsmith, config: setup.config, host: '0.0.0.0', port: 0 }).catch((error: unknown) => error);
    expect(ToolsmithError.isInstance(refused) && refused.code).toBe('api_token_required');
    expect(ToolsmithError.isInstance(refused) && refused.hint).toContain('TOOLSMITH_API_TOKEN');
  });

  it('says which port is taken when it cannot listen', async () => {
    const taken = await startServer({ toolsmith: setup.toolsmith, config: setup.config, port: server.port }).catch((error: unknown) => error);
    expect(ToolsmithError.isInstance(taken) && taken.code).toBe('server_listen_failed');
    expect(ToolsmithError.isInstance(taken) && taken.message).toContain('EADDRINUSE');
  });
});
