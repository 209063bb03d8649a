import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer, type CreateMcpServerOptions } from './create-mcp-server.ts';

/**
 * Serves MCP over this process's stdin/stdout until the client disconnects or `signal` aborts.
 * Stdout carries only protocol messages; say anything else on stderr.
 */
export async function serveMcpOverStdio(options: CreateMcpServerOptions & { signal?: AbortSignal }): Promise<void> {
  const { signal, ...serverOptions } = options;
  const mcp = createMcpServer(serverOptions);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await mcp.server.connect(transport);
  try {
    await closed;
  } finally {
    await mcp.close();
  }
}
