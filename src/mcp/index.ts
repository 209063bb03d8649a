/** Toolsmith over the Model Context Protocol: the library's tools plus search, create and ask. */
export { createMcpServer } from './create-mcp-server.ts';
export type { CreateMcpServerOptions, ToolsmithMcpServer } from './create-mcp-server.ts';
export { createMcpHttpHandler } from './mcp-http-handler.ts';
export type { McpHttpHandler } from './mcp-http-handler.ts';
export { serveMcpOverStdio } from './serve-stdio.ts';
