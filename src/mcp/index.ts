/** Toolsmith over the Model Context Protocol: the library's tools plus search, create and ask. */
export { createMcpServer } from './create-mcp-server.ts';
export type { CreateMcpServerOptions, ToolsmithMcpServer } from './create-mcp-server.ts';
export { createMcpHttpHandler } from './mcp-http-handler.ts';
export type { McpHttpHandler } from './mcp-http-handler.ts';
export { serveMcpOverStdio } from './serve-stdio.ts';
export { FUNCTION_FORMATS, describeTool, outputSchemaOf, toFunctionDefinitions } from './function-formats.ts';
export type { AnthropicTool, FunctionDefinitions, FunctionFormat, FunctionSource, McpToolList, OpenAiFunctionTool } from './function-formats.ts';
export { bridgeStdioToMcpHttp } from './bridge-stdio-to-http.ts';
