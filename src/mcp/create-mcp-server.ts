import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type ServerNotification } from '@modelcontextprotocol/sdk/types.js';
import type { AgentEvent } from '../agent/index.ts';
import type { Toolsmith } from '../toolsmith.ts';
import { errorResult, outcomeResult, thrownResult } from './call-results.ts';
import { describeProgress } from './describe-progress.ts';
import { libraryFingerprint, listLibraryTools } from './library-tools.ts';
import { callMetaTool, META_TOOL_DEFINITIONS } from './meta-tools.ts';

export interface CreateMcpServerOptions {
  toolsmith: Toolsmith;
  /** List (and allow calling) experimental tools too, marked as such in their description. Default false. */
  includeExperimental?: boolean;
  /**
   * How often to look for library changes made elsewhere (the HTTP API, another process), in ms;
   * 0 turns it off. Changes made through this server are announced at once. Default 2000.
   */
  watchIntervalMs?: number;
  version?: string;
}

export interface ToolsmithMcpServer {
  /** The SDK server: `await server.connect(transport)`, one transport per server. */
  server: Server;
  /** Stops watching the library and closes the transport; does not close `toolsmith`. */
  close(): Promise<void>;
}

/**
 * Toolsmith as an MCP server: every tool in the library is an MCP tool (listed live, run in its
 * sandbox), plus `search_tools`, `create_tool` and `ask`. A failing call is an `isError` result,
 * never a protocol error, and `notifications/tools/list_changed` follows every library change.
 *
 * @example
 * const { server } = createMcpServer({ toolsmith });
 * await server.connect(new StdioServerTransport());
 */
export function createMcpServer(options: CreateMcpServerOptions): ToolsmithMcpServer {
  const { toolsmith, includeExperimental = false, watchIntervalMs = 2000 } = options;
  const { registry } = toolsmith;
  const server = new Server(
    { name: 'toolsmith', version: options.version ?? '0.1.0' },
    {
      capabilities: { tools: { listChanged: true } },
      instructions: 'Every tool here is a verified Toolsmith tool run in a sandbox. search_tools finds one by meaning; create_tool writes a new one; ask hands a whole request to the agent.',
    },
  );

  // The library as the client last saw it, to announce a change exactly once.
  let seen: Promise<string> = libraryFingerprint({ registry, includeExperimental }).catch(() => '');
  const announceChanges = (send: (notification: ServerNotification) => Promise<void>): Promise<void> => {
    const check = seen.then(async (before) => {
      const now = await libraryFingerprint({ registry, includeExperimental });
      if (now !== before) await send({ method: 'notifications/tools/list_changed' });
      return now;
    });
    seen = check.catch(() => seen);
    return check.then(
      () => undefined,
      () => undefined,
    );
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const library = await listLibraryTools({ registry, includeExperimental });
    seen = libraryFingerprint({ registry, includeExperimental }).catch(() => '');
    return { tools: [...META_TOOL_DEFINITIONS, ...library] };
  });

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const { name, arguments: args } = request.params;
    const progressToken = request.params._meta?.progressToken;
    let progress = 0;
    const onEvent = (event: AgentEvent) => {
      if (progressToken === undefined) return;
      progress += 1;
      extra.sendNotification({ method: 'notifications/progress', params: { progressToken, progress, message: describeProgress(event) } }).catch(() => {});
    };
    try {
      const meta = await callMetaTool(name, args, { toolsmith, signal: extra.signal, onEvent });
      if (meta !== undefined) {
        // Sent on this call's own stream, so the client has it before the result.
        await announceChanges(extra.sendNotification);
        return meta;
      }
      const record = await registry.get({ name });
      if (record.status !== 'verified' && !includeExperimental) {
        return errorResult(`tool_not_listed: ${name} is experimental (its tests did not all pass), so this server does not offer it`);
      }
      return outcomeResult(await registry.run({ name, args: args ?? {}, signal: extra.signal }));
    } catch (error) {
      return thrownResult(error);
    }
  });

  const timer = watchIntervalMs > 0
    ? setInterval(() => {
        if (server.transport !== undefined) void announceChanges((notification) => server.notification(notification));
      }, watchIntervalMs)
    : undefined;
  timer?.unref();

  return {
    server,
    async close() {
      if (timer !== undefined) clearInterval(timer);
      await server.close();
    },
  };
}
