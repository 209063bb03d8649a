import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { createModelGate, openTestToolsmith, type TestToolsmith } from '../server/server-test-support.ts';
import { startServer, type RunningServer } from '../server/index.ts';
import { connectToServer, type ServerConnection } from './connect.ts';

describe('the agent and registry over a running server', () => {
  let setup: TestToolsmith;
  let server: RunningServer;
  let remote: ServerConnection;
  const gate = createModelGate();

  beforeAll(async () => {
    setup = await openTestToolsmith({ wrapModel: gate.wrap });
    server = await startServer({ toolsmith: setup.toolsmith, config: setup.config, port: 0 });
    remote = connectToServer({ server: { pid: process.pid, url: server.url, auth: 'none', startedAt: new Date().toISOString() } });
  }, 60_000);
  afterAll(async () => {
    gate.open();
    await server?.stop();
    await setup?.dispose();
  });

  it('cancels the request on the server when the signal aborts, and the server keeps nothing half-done', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const running = remote.agent.run({
      request: "Reverse the string 'hello world'",
      signal: controller.signal,
      onEvent: (event) => {
        seen.push(event.type);
        // Next the agent asks the model, whose calls the gate holds: the request is surely mid-way.
        if (event.type === 'search-completed') controller.abort();
      },
    });
    const thrown = await running.catch((error: unknown) => error);
    expect(ToolsmithError.isInstance(thrown)).toBe(true);
    expect(seen.at(-1)).toBe('request-failed');
    expect(server.runner.running).toBe(0);
    expect((await setup.toolsmith.registry.list()).map((tool) => tool.name)).not.toContain('reverse_string');
  }, 60_000);

  it('answers a request with the same outcome as the local agent', async () => {
    gate.open();
    const outcome = await remote.agent.run({ request: 'What is 15 percent of 300?' });
    expect(outcome).toMatchObject({ result: 45, decision: 'reuse', tool: { name: 'percentage_of' } });
    const local = await setup.toolsmith.agent.run({ request: 'What is 15 percent of 300?', sessionId: outcome.sessionId });
    expect(local).toMatchObject({ result: outcome.result, decision: outcome.decision, tool: outcome.tool, answer: outcome.answer });
  }, 60_000);

  it('returns the same records as the local registry, with dates as dates', async () => {
    const [viaServer, direct] = await Promise.all([remote.registry.get({ name: 'percentage_of' }), setup.toolsmith.registry.get({ name: 'percentage_of' })]);
    expect(viaServer).toEqual(direct);
    const [listed, listedDirect] = await Promise.all([remote.registry.list(), setup.toolsmith.registry.list()]);
    expect(listed).toEqual(listedDirect);
    const [history, historyDirect] = await Promise.all([remote.registry.history({ name: 'percentage_of' }), setup.toolsmith.registry.history({ name: 'percentage_of' })]);
    expect(history).toEqual(historyDirect);
  });

  it('searches like the local registry, and refuses an empty search the same way', async () => {
    const [viaServer, direct] = await Promise.all([remote.registry.search({ query: 'convert kilometers to miles', limit: 3 }), setup.toolsmith.registry.search({ query: 'convert kilometers to miles', limit: 3 })]);
    expect(viaServer.hits.map((hit) => [hit.name, hit.band])).toEqual(direct.hits.map((hit) => [hit.name, hit.band]));
    expect(viaServer.band).toBe(direct.band);
    for (const registry of [remote.registry, setup.toolsmith.registry]) {
      const refused = await registry.search({ query: '  ' }).catch((error: unknown) => error);
      expect(ToolsmithError.isInstance(refused) && refused.code).toBe('search_invalid');
    }
  });
});
