import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createServerApp } from '../server/index.ts';
import { BIN_PATH, DEMO_SCRIPT_PATH, openTestLibrary, type TestLibrary } from './mcp-test-support.ts';

interface Connection {
  client: Client;
  /** How many `tools/list_changed` notifications arrived so far. */
  listChanges(): number;
  close(): Promise<void>;
}

function watchedClient(): { client: Client; listChanges: () => number } {
  const client = new Client({ name: 'toolsmith-test', version: '1.0.0' });
  let changes = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, () => {
    changes += 1;
  });
  return { client, listChanges: () => changes };
}

function text(result: CallToolResult): string {
  return result.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args }, undefined, { timeout: 60_000 })) as CallToolResult;
}

/** The same behaviour over every transport. */
function mcpContract(transport: string, connect: () => Promise<Connection>, timeoutMs: number): void {
  describe(`MCP over ${transport}`, () => {
    let connection: Connection;
    beforeAll(async () => {
      connection = await connect();
    }, 60_000);
    afterAll(async () => {
      await connection?.close();
    });

    it('lists the starter tools with their parameters as inputSchema, beside the meta-tools', async () => {
      const { tools } = await connection.client.listTools();
      const names = tools.map((tool) => tool.name);
      expect(names).toEqual(expect.arrayContaining(['search_tools', 'create_tool', 'ask', 'percentage_of', 'spin_number']));
      const percentage = tools.find((tool) => tool.name === 'percentage_of');
      expect(percentage?.inputSchema.type).toBe('object');
      expect(Object.keys(percentage?.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['percent', 'value']));
    });

    it('runs a tool in its sandbox and returns the value as structured content', async () => {
      const result = await call(connection.client, 'percentage_of', { percent: 15, value: 300 });
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toEqual({ result: 45 });
      expect(text(result)).toBe('45');
    });

    it('answers bad arguments with an error result that says what is wrong', async () => {
      const result = await call(connection.client, 'percentage_of', { percent: 'fifteen' });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/percent|value/);
    });

    it('answers an unknown tool with an error result', async () => {
      const result = await call(connection.client, 'no_such_tool', {});
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/no_such_tool/);
    });

    it('reports a call that runs out of time as an error result and keeps answering', async () => {
      const result = await call(connection.client, 'spin_number', { n: -1 });
      expect(result.isError).toBe(true);
      expect(text(result)).toMatch(/timeout|timed out/i);
      expect((await call(connection.client, 'spin_number', { n: 7 })).structuredContent).toEqual({ result: 7 });
    }, timeoutMs + 20_000);

    it('searches the library by meaning', async () => {
      const result = await call(connection.client, 'search_tools', { query: 'what is 15 percent of 300', limit: 3 });
      const hits = (result.structuredContent as { hits: Array<{ name: string; similarity: number; score: number; band: string }> }).hits;
      expect(hits[0]?.name).toBe('percentage_of');
      expect(hits[0]).toEqual(expect.objectContaining({ similarity: expect.any(Number), score: expect.any(Number), band: expect.any(String) }));
      expect(hits.length).toBeLessThanOrEqual(3);
    });

    it('creates a tool with progress, announces the new list, and then runs the new tool', async () => {
      const before = connection.listChanges();
      const progress: string[] = [];
      const created = (await connection.client.callTool({ name: 'create_tool', arguments: { description: 'reverses a string' } }, undefined, {
        timeout: 120_000,
        onprogress: (update) => progress.push(update.message ?? ''),
      })) as CallToolResult;
      expect(created.isError, text(created)).not.toBe(true);
      expect(created.structuredContent).toEqual(expect.objectContaining({ name: 'reverse_string', created: true, inputSchema: expect.objectContaining({ type: 'object' }) }));
      expect(progress.some((message) => message.startsWith('synthesis:'))).toBe(true);
      await expect.poll(() => connection.listChanges(), { timeout: 5_000 }).toBeGreaterThan(before);
      const { tools } = await connection.client.listTools();
      expect(tools.map((tool) => tool.name)).toContain('reverse_string');
      const reversed = await call(connection.client, 'reverse_string', { s: 'abc' });
      expect(reversed.structuredContent).toEqual({ result: 'cba' });
    }, 120_000);

    it('answers a whole request through the agent', async () => {
      const result = await call(connection.client, 'ask', { request: 'What is 15 percent of 300?' });
      expect(result.isError, text(result)).not.toBe(true);
      expect(result.structuredContent).toEqual(expect.objectContaining({ result: 45, tool: expect.objectContaining({ name: 'percentage_of' }) }));
      expect(text(result)).toContain('45');
    });
  });
}

let httpLibrary: TestLibrary;
mcpContract(
  'Streamable HTTP (/mcp of the server app)',
  async () => {
    httpLibrary = await openTestLibrary({ callTimeoutMs: 500 });
    const { app, close } = createServerApp({ toolsmith: httpLibrary.toolsmith, config: httpLibrary.config });
    const { client, listChanges } = watchedClient();
    const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), { fetch: async (url, init) => app.fetch(new Request(url, init)) });
    await client.connect(transport);
    return {
      client,
      listChanges,
      async close() {
        await transport.terminateSession().catch(() => {});
        await client.close();
        await close();
        await httpLibrary.dispose();
      },
    };
  },
  500,
);

let stdioLibrary: TestLibrary;
mcpContract(
  'stdio (toolsmith mcp)',
  async () => {
    // Prepared in-process, then closed: the child opens the same library.
    stdioLibrary = await openTestLibrary();
    await stdioLibrary.toolsmith.close();
    // The CLI's agent phrases answers with the model, so the script gets one answer more.
    const demo = JSON.parse(await readFile(DEMO_SCRIPT_PATH, 'utf8')) as { calls: unknown[] };
    const script = path.join(stdioLibrary.home, 'script.json');
    await writeFile(script, JSON.stringify({ calls: [...demo.calls, { purpose: 'answer', reply: '15 percent of 300 is 45.' }] }));
    const { client, listChanges } = watchedClient();
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'TOOLSMITH_DEBUG') env[key] = value;
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--no-node-snapshot', BIN_PATH, 'mcp'],
      env: { ...env, TOOLSMITH_HOME: stdioLibrary.home, TOOLSMITH_MODEL: `scripted:${script}` },
      stderr: 'pipe',
    });
    await client.connect(transport);
    return {
      client,
      listChanges,
      async close() {
        await client.close();
        await stdioLibrary.dispose().catch(() => {});
      },
    };
  },
  10_000,
);

describe('MCP access over HTTP', () => {
  it('needs the API token when the server has one', async () => {
    const library = await openTestLibrary();
    try {
      const config = loadConfig({ TOOLSMITH_HOME: library.home, TOOLSMITH_API_TOKEN: 'secret-token' });
      const { app, close } = createServerApp({ toolsmith: library.toolsmith, config });
      const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } };
      const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
      const refused = await app.request('http://127.0.0.1/mcp', { method: 'POST', headers, body: JSON.stringify(initialize) });
      expect(refused.status).toBe(401);
      const admitted = await app.request('http://127.0.0.1/mcp', { method: 'POST', headers: { ...headers, authorization: 'Bearer secret-token' }, body: JSON.stringify(initialize) });
      expect(admitted.status).toBe(200);
      expect(admitted.headers.get('mcp-session-id')).toBeTruthy();
      await close();
    } finally {
      await library.dispose();
    }
  }, 60_000);
});
