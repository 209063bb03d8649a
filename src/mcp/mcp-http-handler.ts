import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer, type CreateMcpServerOptions, type ToolsmithMcpServer } from './create-mcp-server.ts';

export interface McpHttpHandler {
  /** A Fetch handler; mount it on one path for GET, POST and DELETE (`app.all('/mcp', handler)`). */
  (context: { req: { raw: Request } }): Promise<Response>;
  /** Closes every open session. */
  close(): Promise<void>;
}

/**
 * MCP's Streamable HTTP transport over Fetch `Request`/`Response`: one MCP server per session
 * (made on `initialize`, ended by `DELETE` or `close`). Access control is the mounting app's.
 *
 * @example
 * app.all('/mcp', accessControl({ token }), createMcpHttpHandler({ toolsmith }));
 */
export function createMcpHttpHandler(options: CreateMcpServerOptions): McpHttpHandler {
  const sessions = new Map<string, { transport: WebStandardStreamableHTTPServerTransport; mcp: ToolsmithMcpServer }>();

  const handle = async (request: Request): Promise<Response> => {
    const sessionId = request.headers.get('mcp-session-id');
    if (sessionId !== null) {
      const session = sessions.get(sessionId);
      if (session === undefined) return jsonRpcError(404, -32001, 'no such MCP session (it ended or the server restarted); initialize a new one');
      return session.transport.handleRequest(request);
    }
    if (request.method !== 'POST') return jsonRpcError(400, -32000, 'send initialize (a POST) first to start a session');
    // `/mcp?experimental=1` also offers experimental tools, like `toolsmith mcp --experimental`.
    const experimental = new URL(request.url).searchParams.get('experimental') === '1';
    const mcp = createMcpServer({ ...options, includeExperimental: options.includeExperimental === true || experimental });
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, mcp });
      },
      onsessionclosed: async (id) => {
        sessions.delete(id);
        await mcp.close();
      },
    });
    await mcp.server.connect(transport);
    const response = await transport.handleRequest(request);
    // Not an initialize (the transport refused it): nothing to keep.
    if (transport.sessionId === undefined) await mcp.close();
    return response;
  };

  const handler = ((context: { req: { raw: Request } }) => handle(context.req.raw)) as McpHttpHandler;
  handler.close = async () => {
    const open = [...sessions.values()];
    sessions.clear();
    await Promise.all(open.map((session) => session.mcp.close()));
  };
  return handler;
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status });
}
