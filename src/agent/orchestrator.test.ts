import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createModel, type Model } from '../models/index.ts';
import { apiError, startLocalApiServer } from '../models/providers/test-support/local-api-server.ts';
import { createSandbox } from '../sandbox/index.ts';
import { createScriptedModel, ModelScriptSchema, type ScriptedCall } from '../testing/index.ts';
import { createToolsmith, type Toolsmith } from '../toolsmith.ts';
import { AgentEventSchema, AgentOutcomeSchema, createAgent, type Agent, type AgentEvent } from './index.ts';

const demoScript = ModelScriptSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json'), 'utf8')));
const sandbox = createSandbox();
const fence = (code: string) => `\`\`\`ts\n${code}\n\`\`\``;

// A double_it tool whose implementation is wrong, so its suite fails and stays failing.
const brokenDouble: ScriptedCall[] = [
  {
    purpose: 'spec',
    reply: {
      name: 'double_it', description: 'Doubles a number.', version: '1.0.0', runtime: 'isolate', capabilities: {},
      parameters: { type: 'object', properties: { n: { type: 'number', description: 'the number' } }, required: ['n'], additionalProperties: false },
      returns: { type: 'number' },
      docstring: 'Returns n times two. Examples: double_it({ n: 2 }) → 4; double_it({ n: 0 }) → 0.',
    },
  },
  {
    purpose: 'tests',
    reply: fence(`import { it, expect } from 'vitest';
import { double_it } from './tool';
it('doubles 2', () => expect(double_it({ n: 2 })).toBe(4));
it('doubles 0', () => expect(double_it({ n: 0 })).toBe(0));
it('doubles -3', () => expect(double_it({ n: -3 })).toBe(-6));
it('doubles 1.5', () => expect(double_it({ n: 1.5 })).toBe(3));
it('doubles 10', () => expect(double_it({ n: 10 })).toBe(20));`),
  },
  { purpose: 'implementation', reply: fence('export function double_it({ n }: { n: number }): number { return n + 2; }') },
];

async function collect(events: AsyncIterable<AgentEvent>, onEach?: (event: AgentEvent) => void): Promise<AgentEvent[]> {
  const seen: AgentEvent[] = [];
  for await (const event of events) {
    seen.push(AgentEventSchema.parse(event));
    onEach?.(event);
  }
  return seen;
}

describe('the agent, on a real library with a scripted model', () => {
  let home: string;
  let toolsmith: Toolsmith;
  const agentWith = (model?: Model, options: Parameters<typeof createAgent>[0]['options'] = {}): Agent =>
    createAgent({ registry: toolsmith.registry, sandbox, sessions: toolsmith.sessions, ...(model === undefined ? {} : { model }), options: { answers: 'template', ...options } });

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'toolsmith-agent-'));
    toolsmith = await createToolsmith(loadConfig({ TOOLSMITH_HOME: home }), { sandbox, model: createScriptedModel(demoScript), agent: { answers: 'template' } });
  }, 60_000);
  afterAll(async () => {
    await toolsmith?.close();
    await rm(home, { recursive: true, force: true });
  });

  it('answers the three reference requests: a reuse with no model calls, a synthesis, then a reuse of the new tool', async () => {
    const first = await toolsmith.agent.run({ request: 'What is 15 percent of 300?' });
    expect(AgentOutcomeSchema.parse(first)).toBeTruthy();
    expect(first).toMatchObject({ decision: 'reuse', synthesized: false, result: 45, tool: { name: 'percentage_of', status: 'verified' }, arguments: { percent: 15, value: 300 } });
    expect(first.modelCalls).toEqual([]);
    expect(first.tokens).toEqual({ input: 0, output: 0 });

    const second = await toolsmith.agent.run({ request: "Reverse the string 'hello world'", sessionId: first.sessionId });
    expect(second).toMatchObject({ decision: 'synthesize', synthesized: true, result: 'dlrow olleh', tool: { name: 'reverse_string', version: '1.0.0', status: 'verified' } });
    expect(second.modelCalls.map((call) => call.purpose).sort()).toEqual(['implementation', 'spec', 'tests']);
    const types = second.events.map((event) => event.type);
    expect(types.indexOf('tool-registered')).toBeGreaterThan(types.lastIndexOf('synthesis'));
    expect(second.events.filter((event) => event.type === 'synthesis').map((event) => (event.event as { type: string }).type)).toEqual(
      expect.arrayContaining(['spec-generated', 'tests-generated', 'implementation-generated', 'verification-started', 'tests-passed', 'synthesis-finished']),
    );
    expect((await toolsmith.registry.get({ name: 'reverse_string' })).stats.uses).toBeGreaterThanOrEqual(1);

    const third = await toolsmith.agent.run({ request: "Reverse 'Python'", sessionId: first.sessionId });
    expect(third).toMatchObject({ decision: 'reuse', synthesized: false, result: 'nohtyP', tool: { name: 'reverse_string' } });
    expect(third.modelCalls).toEqual([]);
  });

  it('binds "now reverse that" to the previous result in the same session', async () => {
    const reversed = await toolsmith.agent.run({ request: "Reverse the string 'hello world'" });
    expect(reversed.result).toBe('dlrow olleh');
    const again = await toolsmith.agent.run({ request: 'now reverse that', sessionId: reversed.sessionId });
    expect(again).toMatchObject({ result: 'hello world', sessionId: reversed.sessionId, synthesized: false });
    expect(again.events.find((event) => event.type === 'arguments-bound')).toMatchObject({ how: 'reference', args: { s: 'dlrow olleh' } });
    const messages = await toolsmith.sessions.recentMessages({ sessionId: reversed.sessionId, limit: 10 });
    expect(messages.map((message) => message.role)).toEqual(['user', 'tool', 'assistant', 'user', 'tool', 'assistant']);
  });

  it('fails a request that needs a new tool, without a model, saying how to configure TOOLSMITH_MODEL', async () => {
    const events = await collect(agentWith().ask({ request: "Convert 'hello' to morse code" }));
    const last = events.at(-1);
    expect(last?.type).toBe('request-failed');
    if (last?.type !== 'request-failed') return;
    expect(last.error.code).toBe('model_not_configured');
    expect(`${last.error.message} ${last.error.hint}`).toContain('TOOLSMITH_MODEL');
    expect(last.error.hint).toContain('openai:gpt-4.1-mini');
  });

  it('registers a tool whose repairs ran out as experimental, and the answer says so', async () => {
    const outcome = await agentWith(createScriptedModel({ calls: brokenDouble }), { repairAttempts: 0 }).run({ request: 'Create a tool that doubles a number' });
    expect(outcome).toMatchObject({ synthesized: true, decision: 'synthesize', tool: { name: 'double_it', status: 'experimental' } });
    expect(outcome.answer).toContain('experimental');
    expect((await toolsmith.registry.get({ name: 'double_it' })).status).toBe('experimental');
  });

  it('leaves nothing in the registry when a synthesis is aborted after its spec', async () => {
    const controller = new AbortController();
    const script = brokenDouble.map((call) => (call.purpose === 'spec' ? { ...call, reply: { ...(call.reply as object), name: 'triple_it' } } : call));
    const events = await collect(agentWith(createScriptedModel({ calls: script })).ask({ request: 'Create a tool that triples a number', signal: controller.signal }), (event) => {
      if (event.type === 'synthesis' && (event.event as { type: string }).type === 'spec-generated') controller.abort();
    });
    expect(events.at(-1)).toMatchObject({ type: 'request-failed', error: { code: 'aborted' } });
    expect(events.some((event) => event.type === 'tool-registered')).toBe(false);
    await expect(toolsmith.registry.get({ name: 'triple_it' })).rejects.toMatchObject({ code: 'tool_not_found' });
  });

  describe('model API failures, through createModel on a local server', () => {
    const cases = [
      { label: '401', answer: () => apiError(401, 'Incorrect API key provided', 'invalid_api_key'), code: 'model_auth_failed' },
      { label: '500s', answer: () => apiError(500, 'The server had an error'), code: 'model_unavailable' },
    ];
    for (const { label, answer, code } of cases) {
      it(`ends a synthesis on a ${label} with request-failed ${code} and registers nothing`, async () => {
        const server = await startLocalApiServer(answer);
        try {
          const model = await createModel({ spec: 'openai-compatible:local-model', env: { TOOLSMITH_MODEL_BASE_URL: server.baseURL }, cwd: '.', retry: { maxTries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
          const before = (await toolsmith.registry.list()).length;
          const events = await collect(agentWith(model).ask({ request: "Convert 'hello' to morse code" }));
          expect(events.at(-1)).toMatchObject({ type: 'request-failed', error: { code } });
          expect(server.requests.length).toBeGreaterThan(0);
          expect((await toolsmith.registry.list()).length).toBe(before);
        } finally {
          await server.close();
        }
      });
    }
  });
});
