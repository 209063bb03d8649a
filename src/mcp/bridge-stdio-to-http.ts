import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describeError } from '../errors.ts';

/**
 * Relays MCP between this process's stdin/stdout and a Streamable HTTP endpoint (a running
 * `toolsmith serve`'s `/mcp`), message for message, until the client disconnects or `signal`
 * aborts. A message the endpoint cannot take is answered with a JSON-RPC error, so the client
 * never waits on a request that went nowhere. Stdout carries only protocol messages.
 */
export async function bridgeStdioToMcpHttp(options: { url: URL; token?: string; signal?: AbortSignal; onError?: (message: string) => void }): Promise<void> {
  const { url, token, signal, onError } = options;
  const upstream = new StreamableHTTPClientTransport(url, token === undefined ? {} : { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  const local = new StdioServerTransport();
  // Requests by id whose reply is the initialize result, so later calls carry the negotiated version.
  const initializeIds = new Set<string | number>();

  const closed = new Promise<void>((resolve) => {
    local.onclose = () => resolve();
    upstream.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });

  upstream.onmessage = (message: JSONRPCMessage) => {
    if (isJSONRPCResultResponse(message) && initializeIds.delete(message.id)) {
      const version = (message.result as { protocolVersion?: unknown }).protocolVersion;
      if (typeof version === 'string') upstream.setProtocolVersion(version);
    }
    void local.send(message);
  };
  upstream.onerror = (error) => onError?.(`MCP server at ${url.href}: ${describeError(error)}`);
  local.onmessage = (message: JSONRPCMessage) => {
    if (isJSONRPCRequest(message) && message.method === 'initialize') initializeIds.add(message.id);
    // Not awaited: a long tool call must not hold back the next request.
    upstream.send(message).catch((error: unknown) => {
      const problem = `the Toolsmith server at ${url.origin} did not take the message: ${describeError(error)}`;
      onError?.(problem);
      if (isJSONRPCRequest(message)) void local.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: problem } });
    });
  };

  await upstream.start();
  await local.start();
  try {
    await closed;
  } finally {
    await upstream.terminateSession().catch(() => undefined);
    await Promise.allSettled([upstream.close(), local.close()]);
  }
}
