import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { ToolRecord } from '../registry/index.ts';

/** The function-calling dialects `tools export --format` writes. */
export const FUNCTION_FORMATS = ['openai', 'anthropic', 'mcp'] as const;
export type FunctionFormat = (typeof FUNCTION_FORMATS)[number];

/** OpenAI Chat Completions `tools` entry (`strict` left out: our schemas are not all strict-mode compatible). */
export interface OpenAiFunctionTool {
  type: 'function';
  function: { name: string; description: string; parameters: Record<string, unknown> };
}

/** Anthropic Messages API `tools` entry. */
export interface AnthropicTool {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
}

/** The body of an MCP `tools/list` result, without the server-specific annotations and `_meta`. */
export interface McpToolList {
  tools: Array<Pick<Tool, 'name' | 'description' | 'inputSchema' | 'outputSchema'>>;
}

export type FunctionDefinitions = OpenAiFunctionTool[] | AnthropicTool[] | McpToolList;

/** What the conversion needs from a tool's current version. */
export type FunctionSource = Pick<ToolRecord, 'manifest' | 'status' | 'statusReason'>;

/**
 * A tool's description as callers see it; experimental tools say so (as in the MCP server's list).
 * @example describeTool({ manifest, status: 'verified', statusReason: null }) // manifest.description
 */
export function describeTool(tool: FunctionSource): string {
  const note = tool.status === 'experimental' ? ` (experimental: ${tool.statusReason ?? 'its tests did not all pass'})` : '';
  return `${tool.manifest.description}${note}`;
}

/** MCP carries a tool's result schema only when the result is an object (structured content must be one). */
export function outputSchemaOf(tool: FunctionSource): Tool['outputSchema'] | undefined {
  return tool.manifest.returns['type'] === 'object' ? (tool.manifest.returns as Tool['outputSchema']) : undefined;
}

/**
 * Tools as one function-calling document for the given dialect: an array for `openai` and
 * `anthropic`, a `{ tools }` object (the `tools/list` result) for `mcp`.
 * @example toFunctionDefinitions({ tools: [record], format: 'anthropic' }) // [{ name, description, input_schema }]
 */
export function toFunctionDefinitions(options: { tools: readonly FunctionSource[]; format: FunctionFormat }): FunctionDefinitions {
  const { tools, format } = options;
  switch (format) {
    case 'openai':
      return tools.map((tool) => ({
        type: 'function' as const,
        function: { name: tool.manifest.name, description: describeTool(tool), parameters: tool.manifest.parameters },
      }));
    case 'anthropic':
      return tools.map((tool) => ({ name: tool.manifest.name, description: describeTool(tool), input_schema: tool.manifest.parameters }));
    case 'mcp':
      return {
        tools: tools.map((tool) => {
          const outputSchema = outputSchemaOf(tool);
          return {
            name: tool.manifest.name,
            description: describeTool(tool),
            inputSchema: tool.manifest.parameters as Tool['inputSchema'],
            ...(outputSchema === undefined ? {} : { outputSchema }),
          };
        }),
      };
  }
}
