import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { AgentEvent, AgentOutcome } from '../agent/index.ts';
import type { Toolsmith } from '../toolsmith.ts';
import { errorResult } from './call-results.ts';

export interface MetaToolContext {
  toolsmith: Toolsmith;
  signal: AbortSignal;
  /** Forwards one agent event as progress (a no-op when the client gave no progress token). */
  onEvent: (event: AgentEvent) => void;
}

interface MetaTool<S extends z.ZodType> {
  definition: Tool;
  arguments: S;
  handle(args: z.infer<S>, context: MetaToolContext): Promise<CallToolResult>;
}

const SearchToolsArgumentsSchema = z.strictObject({
  query: z.string().trim().min(1, 'query must not be empty'),
  limit: z.number().int().min(1).max(50).optional(),
});

const CreateToolArgumentsSchema = z.strictObject({
  description: z.string().trim().min(1, 'description must not be empty'),
  examples: z.array(z.string().min(1)).max(20).optional(),
});

const AskArgumentsSchema = z.strictObject({
  request: z.string().trim().min(1, 'request must not be empty'),
  sessionId: z.string().min(1).optional(),
});

const searchTools: MetaTool<typeof SearchToolsArgumentsSchema> = {
  definition: {
    name: 'search_tools',
    description: "Searches Toolsmith's library of verified tools by meaning; returns the best matches with similarity, score and band (reuse, check or synthesize).",
    inputSchema: z.toJSONSchema(SearchToolsArgumentsSchema) as Tool['inputSchema'],
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  arguments: SearchToolsArgumentsSchema,
  async handle({ query, limit }, { toolsmith, signal }) {
    const { hits, band } = await toolsmith.registry.search({ query, signal, ...(limit === undefined ? {} : { limit }) });
    const lines = hits.map((hit) => `${hit.name} (similarity ${hit.similarity.toFixed(2)}, ${hit.band}): ${hit.description}`);
    return { content: [{ type: 'text', text: lines.length === 0 ? 'no tools matched' : lines.join('\n') }], structuredContent: { band, hits } };
  },
};

const createTool: MetaTool<typeof CreateToolArgumentsSchema> = {
  definition: {
    name: 'create_tool',
    description: 'Writes a new tool from a description: spec, tests and code, verified in a sandbox, then added to the library (it appears in tools/list). Takes a while; sends progress when asked.',
    inputSchema: z.toJSONSchema(CreateToolArgumentsSchema) as Tool['inputSchema'],
    annotations: { readOnlyHint: false, openWorldHint: false },
  },
  arguments: CreateToolArgumentsSchema,
  async handle({ description, examples }, { toolsmith, signal, onEvent }) {
    const request = `create a tool that ${description.replace(/[\s.!?]+$/, '')}${examples === undefined || examples.length === 0 ? '' : `. Examples: ${examples.join('; ')}`}`;
    const outcome = await toolsmith.agent.run({ request, signal, onEvent });
    const record = await toolsmith.registry.get({ name: outcome.tool.name });
    const { manifest } = record;
    const tool = {
      name: manifest.name,
      version: record.version,
      status: record.status,
      created: outcome.synthesized,
      description: manifest.description,
      inputSchema: manifest.parameters,
      returns: manifest.returns,
    };
    const verb = outcome.synthesized ? 'Created' : 'Found the existing tool';
    return { content: [{ type: 'text', text: `${verb} ${manifest.name} (${record.status}): ${manifest.description}` }], structuredContent: tool };
  },
};

const ask: MetaTool<typeof AskArgumentsSchema> = {
  definition: {
    name: 'ask',
    description: "Hands a request in plain words to Toolsmith's agent, which finds (or writes) a tool, runs it and answers. Pass sessionId to continue a conversation.",
    inputSchema: z.toJSONSchema(AskArgumentsSchema) as Tool['inputSchema'],
    annotations: { readOnlyHint: false, openWorldHint: false },
  },
  arguments: AskArgumentsSchema,
  async handle({ request, sessionId }, { toolsmith, signal, onEvent }) {
    const outcome = await toolsmith.agent.run({ request, signal, onEvent, ...(sessionId === undefined ? {} : { sessionId }) });
    return { content: [{ type: 'text', text: outcome.answer }], structuredContent: askSummary(outcome) };
  },
};

function askSummary(outcome: AgentOutcome): Record<string, unknown> {
  const { answer, sessionId, requestId, decision, tool, arguments: args, result, toolError, synthesized } = outcome;
  return { answer, sessionId, requestId, decision, tool, arguments: args, synthesized, ...(result === undefined ? {} : { result }), ...(toolError === undefined ? {} : { toolError }) };
}

const META_TOOLS = [searchTools, createTool, ask] as const;

export const META_TOOL_DEFINITIONS: readonly Tool[] = META_TOOLS.map((tool) => tool.definition);

/** Runs a meta-tool, or returns undefined when `name` is not one. Bad arguments are an `isError` result. */
export async function callMetaTool(name: string, args: unknown, context: MetaToolContext): Promise<CallToolResult | undefined> {
  const tool: MetaTool<z.ZodType> | undefined = META_TOOLS.find((each) => each.definition.name === name);
  if (tool === undefined) return undefined;
  const parsed = tool.arguments.safeParse(args ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length === 0 ? 'arguments' : issue.path.join('.')}: ${issue.message}`);
    return errorResult(`input_invalid: invalid arguments for ${name}: ${problems.join('; ')}`);
  }
  return tool.handle(parsed.data, context);
}
