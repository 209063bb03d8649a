import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentOutcomeSchema } from '../agent/index.ts';
import { createServerApp, type ServerApp } from './create-server-app.ts';
import { createModelGate, openTestToolsmith, parseSse, type TestToolsmith } from './server-test-support.ts';

const jsonPost = (body: unknown) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string; hint?: string } }).error;

describe('the HTTP API, on a real library with a scripted model', () => {
  let setup: TestToolsmith;
  let server: ServerApp;
  const request = (path: string, init?: RequestInit) => server.app.request(path, init);

  /** Starts a request and waits for its end; returns the 202 body. */
  async function ask(body: { request: string; sessionId?: string }) {
    const response = await request('/api/requests', jsonPost(body));
    expect(response.status, await response.clone().text()).toBe(202);
    const accepted = (await response.json()) as { requestId: string; sessionId: string; eventsUrl: string };
    await server.runner.settled({ requestId: accepted.requestId });
    return accepted;
  }

  beforeAll(async () => {
    setup = await openTestToolsmith({ env: { OPENAI_API_KEY: 'sk-never-shown' } });
    server = createServerApp({ toolsmith: setup.toolsmith, config: setup.config });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await setup?.dispose();
  });

  describe('requests', () => {
    it('answers "What is 15 percent of 300?" in the background: 202, events in order ending with answer-generated, then the outcome', async () => {
      const response = await request('/api/requests', jsonPost({ request: 'What is 15 percent of 300?' }));
      expect(response.status).toBe(202);
      const accepted = (await response.json()) as { requestId: string; sessionId: string; eventsUrl: string };
      expect(accepted.eventsUrl).toBe(`/api/requests/${accepted.requestId}/events`);
      expect(response.headers.get('location')).toBe(`/api/requests/${accepted.requestId}`);

      const events = await request(accepted.eventsUrl);
      expect(events.headers.get('content-type')).toContain('text/event-stream');
      const messages = parseSse(await events.text());
      expect(messages.map((message) => message.id)).toEqual(messages.map((_, index) => index + 1));
      const types = messages.map((message) => message.event.type);
      expect(types[0]).toBe('request-received');
      expect(types).toEqual(expect.arrayContaining(['context-loaded', 'search-completed', 'arguments-bound', 'tool-executed']));
      expect(types.at(-1)).toBe('answer-generated');
      expect(types.indexOf('tool-executed')).toBeLessThan(types.indexOf('answer-generated'));
      expect(messages.every((message) => message.event.requestId === accepted.requestId)).toBe(true);

      const status = await request(`/api/requests/${accepted.requestId}`);
      expect(status.status).toBe(200);
      const body = (await status.json()) as { status: string; sessionId: string; eventCount: number; outcome: unknown };
      expect(body).toMatchObject({ status: 'succeeded', sessionId: accepted.sessionId, eventCount: messages.length });
      expect(AgentOutcomeSchema.parse(body.outcome)).toMatchObject({ result: 45, decision: 'reuse', tool: { name: 'percentage_of' }, sessionId: accepted.sessionId });
    });

    it('replays the events after Last-Event-ID', async () => {
      const { requestId, eventsUrl } = await ask({ request: 'What is 20 percent of 80?' });
      const all = parseSse(await (await request(eventsUrl)).text());
      const rest = parseSse(await (await request(eventsUrl, { headers: { 'Last-Event-ID': '2' } })).text());
      expect(rest.map((message) => message.id)).toEqual(all.slice(2).map((message) => message.id));
      expect(rest.map((message) => message.event)).toEqual(all.slice(2).map((message) => message.event));
      expect(parseSse(await (await request(eventsUrl, { headers: { 'Last-Event-ID': String(all.length) } })).text())).toEqual([]);
      const bad = await request(`/api/requests/${requestId}/events`, { headers: { 'Last-Event-ID': 'later' } });
      expect(bad.status).toBe(400);
      expect((await errorOf(bad)).message).toContain('Last-Event-ID');
    });

    it('writes a tool it lacks (synthesis through the scripted model), then serves it under /api/tools', async () => {
      const { requestId, eventsUrl } = await ask({ request: "Reverse the string 'hello world'" });
      const types = parseSse(await (await request(eventsUrl)).text()).map((message) => message.event.type);
      expect(types).toEqual(expect.arrayContaining(['synthesis', 'model-called', 'tool-registered', 'tool-executed']));
      expect(types.at(-1)).toBe('answer-generated');
      const status = (await (await request(`/api/requests/${requestId}`)).json()) as { outcome: { result: unknown; synthesized: boolean } };
      expect(status.outcome).toMatchObject({ result: 'dlrow olleh', synthesized: true });

      const tool = await request('/api/tools/reverse_string');
      expect(tool.status).toBe(200);
      expect(await tool.json()).toMatchObject({ name: 'reverse_string', version: '1.0.0', status: 'verified', manifest: { name: 'reverse_string' }, stats: { uses: 1 } });
      const versions = await request('/api/tools/reverse_string/versions');
      expect(await versions.json()).toMatchObject({ name: 'reverse_string', versions: [{ version: '1.0.0', isCurrent: true, status: 'verified' }] });
    }, 60_000);

    it('continues a session by id, and refuses an unknown session with 404', async () => {
      const first = await ask({ request: "Reverse the string 'abc'" });
      const second = await ask({ request: 'now reverse that', sessionId: first.sessionId });
      expect(second.sessionId).toBe(first.sessionId);
      const outcome = ((await (await request(`/api/requests/${second.requestId}`)).json()) as { outcome: { result: unknown } }).outcome;
      expect(outcome.result).toBe('abc');

      const unknown = await request('/api/requests', jsonPost({ request: 'What is 1 percent of 5?', sessionId: 'nosuchsession' }));
      expect(unknown.status).toBe(404);
      expect((await errorOf(unknown)).code).toBe('session_not_found');
    });

    it('cancels a running request: it ends with request-failed and registers nothing; a finished one is left as it is', async () => {
      const gate = createModelGate();
      const gated = await openTestToolsmith({ wrapModel: gate.wrap });
      const app = createServerApp({ toolsmith: gated.toolsmith, config: gated.config });
      try {
        const started = await app.app.request('/api/requests', jsonPost({ request: "Reverse the string 'hello world'" }));
        const { requestId } = (await started.json()) as { requestId: string };
        const cancelled = await app.app.request(`/api/requests/${requestId}/cancel`, { method: 'POST' });
        expect(cancelled.status).toBe(202);
        await app.runner.settled({ requestId });
        const status = (await (await app.app.request(`/api/requests/${requestId}`)).json()) as { status: string; error: { code: string } };
        expect(status.status).toBe('failed');
        const events = parseSse(await (await app.app.request(`/api/requests/${requestId}/events`)).text());
        expect(events.at(-1)?.event.type).toBe('request-failed');
        expect(events.map((message) => message.event.type)).not.toContain('tool-registered');
        expect((await app.app.request('/api/tools/reverse_string')).status).toBe(404);
        const again = await app.app.request(`/api/requests/${requestId}/cancel`, { method: 'POST' });
        expect(await again.json()).toMatchObject({ status: 'failed', error: { code: status.error.code } });
        expect((await app.app.request('/api/requests/nope/cancel', { method: 'POST' })).status).toBe(404);
      } finally {
        gate.open();
        await app.close();
        await gated.dispose();
      }
    }, 60_000);

    it('says 404 for a request id it does not know, on status and events', async () => {
      for (const path of ['/api/requests/nope', '/api/requests/nope/events']) {
        const response = await request(path);
        expect(response.status).toBe(404);
        expect(await errorOf(response)).toMatchObject({ code: 'request_not_found', hint: expect.stringContaining('requestId') });
      }
    });

    it('refuses a body that is not JSON, breaks the schema, is not sent as JSON, or is too large', async () => {
      const malformed = await request('/api/requests', jsonPost('{"request": '));
      expect(malformed.status).toBe(400);
      expect(await errorOf(malformed)).toMatchObject({ code: 'body_invalid', message: expect.stringContaining('not valid JSON') });

      const empty = await request('/api/requests', jsonPost({ request: '   ' }));
      expect(empty.status).toBe(400);
      expect(await errorOf(empty)).toMatchObject({ code: 'input_invalid', message: expect.stringContaining('body.request: request must not be empty') });

      const extra = await request('/api/requests', jsonPost({ request: 'hi', model: 'x' }));
      expect(extra.status).toBe(400);
      expect((await errorOf(extra)).message).toContain('model');

      const badRepairs = await request('/api/requests', jsonPost({ request: 'hi', synthesis: { repairs: 99 } }));
      expect(badRepairs.status).toBe(400);
      expect((await errorOf(badRepairs)).message).toContain('body.synthesis.repairs');

      const wrongType = await request('/api/requests', jsonPost({ request: 42 }));
      expect(wrongType.status).toBe(400);
      expect((await errorOf(wrongType)).message).toContain('body.request');

      const text = await request('/api/requests', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ request: 'hi' }) });
      expect(text.status).toBe(415);
      expect((await errorOf(text)).code).toBe('media_type_unsupported');

      const huge = await request('/api/requests', jsonPost({ request: 'x'.repeat(300 * 1024) }));
      expect(huge.status).toBe(413);
      expect((await errorOf(huge)).code).toBe('body_too_large');
    });

    it('refuses more running requests than the limit with 429 and Retry-After', async () => {
      const limited = createServerApp({ toolsmith: setup.toolsmith, config: setup.config, limits: { maxRunningRequests: 1, retryAfterSeconds: 7 } });
      try {
        const responses = await Promise.all(['What is 2 percent of 50?', 'What is 3 percent of 50?'].map((text) => limited.app.request('/api/requests', jsonPost({ request: text }))));
        expect(responses.map((response) => response.status).sort()).toEqual([202, 429]);
        const busy = responses.find((response) => response.status === 429) as Response;
        expect(busy.headers.get('retry-after')).toBe('7');
        expect((await errorOf(busy)).code).toBe('server_busy');
      } finally {
        await limited.close();
      }
    });
  });

  describe('tools', () => {
    it('lists every tool with status, success rate and use count', async () => {
      const response = await request('/api/tools');
      expect(response.status).toBe(200);
      const { tools } = (await response.json()) as { tools: Array<{ name: string; uses: number; successRate: number | null; status: string }> };
      expect(tools.length).toBeGreaterThan(5);
      expect(tools.find((tool) => tool.name === 'percentage_of')).toMatchObject({ status: 'verified', successRate: 1, uses: expect.any(Number) });
      expect(((await (await request('/api/tools?limit=2')).json()) as { tools: unknown[] }).tools).toHaveLength(2);
    });

    it('searches by meaning with q, best match first, with band and similarity', async () => {
      const response = await request(`/api/tools?q=${encodeURIComponent('what percentage of a number')}&limit=3`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { band: string; tools: Array<{ name: string; similarity: number; band: string; uses: number }> };
      expect(body.tools.length).toBeGreaterThan(0);
      expect(body.tools.length).toBeLessThanOrEqual(3);
      expect(body.tools[0]).toMatchObject({ name: 'percentage_of', similarity: expect.any(Number), band: expect.any(String), uses: expect.any(Number) });
      expect(['reuse', 'check', 'synthesize']).toContain(body.band);
    });

    it('refuses a bad limit with 400 naming the query field', async () => {
      for (const limit of ['0', 'ten', '1000']) {
        const response = await request(`/api/tools?limit=${limit}`);
        expect(response.status).toBe(400);
        expect((await errorOf(response)).message).toContain('query.limit');
      }
    });

    it('shows a tool, its versions, one version and its executions, and 404s an unknown one everywhere', async () => {
      const current = (await (await request('/api/tools/percentage_of')).json()) as { version: string; source: string; tests: string };
      expect(current).toMatchObject({ name: 'percentage_of', source: expect.stringContaining('percentage_of'), tests: expect.any(String) });
      expect(await (await request('/api/tools/percentage_of/versions')).json()).toMatchObject({ versions: [{ isCurrent: true }] });
      const version = await request(`/api/tools/percentage_of/versions/${current.version}`);
      expect(version.status).toBe(200);
      expect(await version.json()).toMatchObject({ name: 'percentage_of', version: current.version, source: current.source, tests: current.tests, manifest: { name: 'percentage_of' } });

      const executions = (await (await request('/api/tools/percentage_of/executions')).json()) as {
        totals: { uses: number; successes: number };
        executions: Array<{ version: string; success: boolean; error: string | null; durationMs: number; createdAt: string }>;
      };
      expect(executions.totals.uses).toBeGreaterThanOrEqual(1);
      expect(executions.executions.length).toBe(Math.min(executions.totals.uses, 20));
      expect(executions.executions[0]).toMatchObject({ version: current.version, success: expect.any(Boolean), durationMs: expect.any(Number) });
      const times = executions.executions.map((entry) => Date.parse(entry.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const one = (await (await request('/api/tools/percentage_of/executions?limit=1')).json()) as { executions: unknown[] };
      expect(one.executions).toHaveLength(1);
      expect((await request('/api/tools/percentage_of/executions?limit=0')).status).toBe(400);

      for (const [path, init] of [['/api/tools/no_such_tool'], ['/api/tools/no_such_tool/versions'], ['/api/tools/no_such_tool/versions/1.0.0'], ['/api/tools/no_such_tool/executions'], ['/api/tools/no_such_tool/run', jsonPost({ args: {} })]] as const) {
        const response = await request(path, init);
        expect(response.status, path).toBe(404);
        expect((await errorOf(response)).code).toBe('tool_not_found');
      }
      const noVersion = await request('/api/tools/percentage_of/versions/9.9.9');
      expect(noVersion.status).toBe(404);
      expect((await errorOf(noVersion)).code).toBe('version_not_found');
    });

    it('runs a tool with checked arguments, and refuses bad ones with 400', async () => {
      const before = ((await (await request('/api/tools/percentage_of/executions')).json()) as { totals: { uses: number } }).totals.uses;
      const response = await request('/api/tools/percentage_of/run', jsonPost({ args: { percent: 15, value: 300 } }));
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, value: 45, runtime: 'isolate', durationMs: expect.any(Number) });
      const after = (await (await request('/api/tools/percentage_of/executions')).json()) as { totals: { uses: number }; executions: Array<{ success: boolean; error: string | null }> };
      expect(after.totals.uses).toBe(before + 1);
      expect(after.executions[0]).toMatchObject({ success: true, error: null });

      const badArgs = await request('/api/tools/percentage_of/run', jsonPost({ args: { percent: 'fifteen' } }));
      expect(badArgs.status).toBe(400);
      expect((await errorOf(badArgs)).hint).toBeTruthy();
      const noArgs = await request('/api/tools/percentage_of/run', jsonPost({ arguments: {} }));
      expect(noArgs.status).toBe(400);
      expect((await errorOf(noArgs)).message).toContain('body.args');
      const malformed = await request('/api/tools/percentage_of/run', jsonPost('not json'));
      expect(malformed.status).toBe(400);
    });

    it('adds a package (verified in the sandbox), tests it, rolls it back and removes it', async () => {
      const manifest = JSON.stringify({ name: 'shout', description: 'Turns text into upper case with an exclamation mark.', parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false }, returns: { type: 'string' } }, null, 2);
      const source = "export function shout({ text }: { text: string }): string {\n  return `${text.toUpperCase()}!`;\n}\n";
      const tests = "import { expect, it } from 'vitest';\nimport { shout } from './tool.ts';\nit('shouts', () => expect(shout({ text: 'hi' })).toBe('HI!'));\n";
      const added = await request('/api/tools', jsonPost({ manifest, source, tests, reason: 'a test package' }));
      expect(added.status, await added.clone().text()).toBe(201);
      expect(await added.json()).toMatchObject({ name: 'shout', version: '1.0.0', status: 'verified', reason: 'a test package', testResults: { ok: true } });

      const tested = await request('/api/tools/shout/test', { method: 'POST' });
      expect(tested.status).toBe(200);
      expect(await tested.json()).toMatchObject({ name: 'shout', version: '1.0.0', suite: { ok: true, totals: { passed: 1, failed: 0 } } });

      const newer = await request('/api/tools', jsonPost({ manifest: manifest.replace('"name": "shout"', '"name": "shout",\n  "version": "1.1.0"'), source: source.replace('!', '!!'), tests: tests.replace("'HI!'", "'HI!!'") }));
      expect(newer.status, await newer.clone().text()).toBe(201);
      expect(await newer.json()).toMatchObject({ version: '1.1.0', reason: 'added through the API' });
      const back = await request('/api/tools/shout/rollback', jsonPost({ to: '1.0.0' }));
      expect(back.status).toBe(200);
      expect(await back.json()).toMatchObject({ version: '1.0.0', currentVersion: '1.0.0' });
      const noVersion = await request('/api/tools/shout/rollback', jsonPost({ to: '7.0.0' }));
      expect(noVersion.status).toBe(404);
      expect((await errorOf(noVersion)).code).toBe('version_not_found');

      const removed = await request('/api/tools/shout', { method: 'DELETE' });
      expect(removed.status).toBe(204);
      expect((await request('/api/tools/shout')).status).toBe(404);
      expect((await request('/api/tools/shout', { method: 'DELETE' })).status).toBe(404);
    });

    it('refuses a package whose tests fail (unless experimental) or whose manifest is invalid, storing nothing', async () => {
      const manifest = JSON.stringify({ name: 'off_by_one', description: 'Adds one to a number.', parameters: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false }, returns: { type: 'number' } }, null, 2);
      const source = 'export function off_by_one({ n }: { n: number }): number {\n  return n + 2;\n}\n';
      const tests = "import { expect, it } from 'vitest';\nimport { off_by_one } from './tool.ts';\nit('adds one', () => expect(off_by_one({ n: 1 })).toBe(2));\n";
      const failing = await request('/api/tools', jsonPost({ manifest, source, tests }));
      expect(failing.status).toBe(400);
      expect(await errorOf(failing)).toMatchObject({ code: 'verification_failed', kind: 'user', message: expect.stringContaining('adds one') });
      expect((await request('/api/tools/off_by_one')).status).toBe(404);

      const experimental = await request('/api/tools', jsonPost({ manifest, source, tests, experimental: true }));
      expect(experimental.status).toBe(201);
      expect(await experimental.json()).toMatchObject({ status: 'experimental', statusReason: expect.stringContaining('adds one') });
      expect((await request('/api/tools/off_by_one', { method: 'DELETE' })).status).toBe(204);

      const badManifest = await request('/api/tools', jsonPost({ manifest: '{\n  "name": "Bad Name"\n}', source, tests }));
      expect(badManifest.status).toBe(400);
      expect(await errorOf(badManifest)).toMatchObject({ code: 'manifest_invalid', message: expect.stringMatching(/^tool\.json:2: /) });
      const missing = await request('/api/tools', jsonPost({ manifest }));
      expect(missing.status).toBe(400);
      expect((await errorOf(missing)).message).toContain('body.source');
    });

    it('re-embeds every current tool on POST /api/reindex', async () => {
      const response = await request('/api/reindex', { method: 'POST' });
      expect(response.status).toBe(200);
      const report = (await response.json()) as { embedderId: string; embedded: number };
      const { tools } = (await (await request('/api/tools')).json()) as { tools: unknown[] };
      expect(report).toMatchObject({ embedderId: expect.stringContaining('word-vectors'), embedded: tools.length });
    });
  });

  describe('sessions and settings', () => {
    it("lists sessions and a session's messages, and 404s an unknown session", async () => {
      const { sessionId } = await ask({ request: 'What is 10 percent of 90?' });
      const sessions = (await (await request('/api/sessions')).json()) as { sessions: Array<{ id: string; messageCount: number; title: string | null }> };
      expect(sessions.sessions.find((session) => session.id === sessionId)).toMatchObject({ messageCount: 3, title: expect.stringContaining('10 percent') });
      const messages = await request(`/api/sessions/${sessionId}/messages`);
      expect(messages.status).toBe(200);
      const body = (await messages.json()) as { messages: Array<{ role: string; content: string; result?: unknown }> };
      expect(body.messages.map((message) => message.role)).toEqual(['user', 'tool', 'assistant']);
      expect(body.messages[1]?.result).toBe(9);
      const unknown = await request('/api/sessions/nosuchsession/messages');
      expect(unknown.status).toBe(404);
      expect((await errorOf(unknown)).code).toBe('session_not_found');
    });

    it('reports the model, embedder and database kind, and no secrets', async () => {
      const response = await request('/api/settings');
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ model: 'scripted:demo-script.json', embedder: 'word-vectors', sentenceEncoder: 'use-lite', database: 'pglite', auth: 'none', maxRunningRequests: 4, maxBodyBytes: 262_144 });
      expect(text).not.toContain('sk-never-shown');
      expect(text).not.toContain(setup.config.home);
    });
  });

  describe('documents and edges', () => {
    it('serves /openapi.json generated from the schemas, and /docs listing every route', async () => {
      const document = (await (await request('/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>> };
      expect(document.openapi).toBe('3.1.0');
      const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
      expect(routes.sort()).toEqual([
        'GET /api/requests/{id}',
        'GET /api/requests/{id}/events',
        'GET /api/sessions',
        'GET /api/sessions/{id}/messages',
        'GET /api/settings',
        'GET /api/tools',
        'GET /api/tools/{name}',
        'GET /api/tools/{name}/executions',
        'GET /api/tools/{name}/versions',
        'GET /api/tools/{name}/versions/{version}',
        'POST /api/reindex',
        'POST /api/requests',
        'POST /api/requests/{id}/cancel',
        'POST /api/tools',
        'POST /api/tools/{name}/rollback',
        'POST /api/tools/{name}/run',
        'POST /api/tools/{name}/test',
      ].concat(['DELETE /api/tools/{name}']).sort());
      expect(Object.keys(document.paths['/api/requests']?.['post']?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(['request', 'sessionId', 'synthesis']);

      const docs = await request('/docs');
      expect(docs.headers.get('content-type')).toContain('text/html');
      const html = await docs.text();
      for (const route of routes) expect(html).toContain(route);
      expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
    });

    it('answers an unknown route with a JSON 404', async () => {
      const response = await request('/api/nothing-here');
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('route_not_found');
    });

    it('without a token, refuses requests addressed to a host other than localhost (DNS rebinding)', async () => {
      const response = await request('http://attacker.example/api/tools');
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('host_not_allowed');
      expect((await request('http://127.0.0.1:5000/api/settings')).status).toBe(200);
    });
  });

  describe('with TOOLSMITH_API_TOKEN', () => {
    it('requires "Authorization: Bearer <token>" on every /api route, and leaves the documents open', async () => {
      const config = { ...setup.config, apiToken: 'correct-horse-battery-staple' };
      const guarded = createServerApp({ toolsmith: setup.toolsmith, config });
      try {
        for (const [path, init] of [['/api/tools'], ['/api/settings'], ['/api/sessions'], ['/api/requests/x'], ['/api/requests', jsonPost({ request: 'hi' })]] as const) {
          const missing = await guarded.app.request(path, init);
          expect(missing.status, path).toBe(401);
          expect(missing.headers.get('www-authenticate')).toBe('Bearer');
          expect(await errorOf(missing)).toMatchObject({ code: 'unauthorized', hint: expect.stringContaining('Bearer') });
        }
        const wrong = await guarded.app.request('/api/tools', { headers: { Authorization: 'Bearer wrong' } });
        expect(wrong.status).toBe(401);
        expect((await errorOf(wrong)).message).toContain('wrong');
        const right = await guarded.app.request('http://toolsmith.example.net/api/settings', { headers: { Authorization: 'Bearer correct-horse-battery-staple' } });
        expect(right.status).toBe(200);
        expect(await right.json()).toMatchObject({ auth: 'token' });
        expect((await guarded.app.request('/openapi.json')).status).toBe(200);
        expect(JSON.stringify(await (await guarded.app.request('/openapi.json')).json())).not.toContain('correct-horse');
      } finally {
        await guarded.close();
      }
    });
  });
});
