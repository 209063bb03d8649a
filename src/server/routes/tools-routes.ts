import { createRoute } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { Registry, ToolRecord, ToolSummary } from '../../registry/index.ts';
import {
  CallOutcomeSchema,
  ExecutionsQuerySchema,
  ExecutionsSchema,
  RunToolBodySchema,
  ToolDetailSchema,
  ToolListSchema,
  ToolNameParamsSchema,
  ToolsQuerySchema,
  ToolVersionParamsSchema,
  VersionListSchema,
} from '../api-schemas.ts';
import { callOutcomeJson, summaryOfRecord, toolDetailJson, toolListItemJson, versionsJson } from '../json-shapes.ts';
import type { ApiApp, ServerContext } from '../server-context.ts';
import { errorResponses } from './error-responses.ts';

const DEFAULT_SEARCH_LIMIT = 10;

const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listTools = createRoute({
  method: 'get',
  path: '/api/tools',
  summary: 'Search tools by meaning (q), or list them all with status, success rate and use count',
  request: { query: ToolsQuerySchema },
  responses: { 200: { description: 'tools, best match first when searching', content: json(ToolListSchema) }, ...errorResponses(400, 503) },
});

const getTool = createRoute({
  method: 'get',
  path: '/api/tools/{name}',
  summary: "A tool's current version: manifest, code, tests, test results, stats",
  request: { params: ToolNameParamsSchema },
  responses: { 200: { description: 'the tool', content: json(ToolDetailSchema) }, ...errorResponses(404) },
});

const toolVersions = createRoute({
  method: 'get',
  path: '/api/tools/{name}/versions',
  summary: "A tool's versions, newest first",
  request: { params: ToolNameParamsSchema },
  responses: { 200: { description: 'the versions', content: json(VersionListSchema) }, ...errorResponses(404) },
});

const toolVersion = createRoute({
  method: 'get',
  path: '/api/tools/{name}/versions/{version}',
  summary: 'One version of a tool: its manifest, code, tests and test results (to compare versions)',
  request: { params: ToolVersionParamsSchema },
  responses: { 200: { description: 'the version', content: json(ToolDetailSchema) }, ...errorResponses(404) },
});

const toolExecutions = createRoute({
  method: 'get',
  path: '/api/tools/{name}/executions',
  summary: "A tool's execution totals (uses, successes, failures, last use) and its most recent executions, newest first",
  request: { params: ToolNameParamsSchema, query: ExecutionsQuerySchema },
  responses: { 200: { description: 'the totals and recent executions', content: json(ExecutionsSchema) }, ...errorResponses(400, 404) },
});

const runTool = createRoute({
  method: 'post',
  path: '/api/tools/{name}/run',
  summary: 'Call a tool once with arguments checked against its parameters; the execution is recorded',
  request: { params: ToolNameParamsSchema, body: { required: true, content: json(RunToolBodySchema) } },
  responses: {
    200: { description: 'the call outcome; ok false when the tool threw, timed out or hit a limit', content: json(CallOutcomeSchema) },
    ...errorResponses(400, 404, 413, 415, 503),
  },
});

export function registerToolRoutes(app: ApiApp, context: ServerContext): void {
  const { registry } = context.toolsmith;

  app.openapi(listTools, async (c) => {
    const { q, limit } = c.req.valid('query');
    if (q === undefined || q === '') {
      const tools = await registry.list();
      return c.json({ tools: (limit === undefined ? tools : tools.slice(0, limit)).map((tool) => toolListItemJson(tool)) }, 200);
    }
    const { hits, band } = await registry.search({ query: q, limit: limit ?? DEFAULT_SEARCH_LIMIT, signal: c.req.raw.signal });
    // Hits carry no stats; the current records do (one read per hit, bounded by the limit).
    const summaries = await Promise.all(hits.map(async (hit): Promise<ToolSummary> => summaryOfRecord(await registry.get({ name: hit.name }))));
    return c.json({ band, tools: hits.map((hit, index) => toolListItemJson(summaries[index] as ToolSummary, hit)) }, 200);
  });

  app.openapi(getTool, async (c) => c.json(toolDetailJson(await registry.get({ name: c.req.valid('param').name })), 200));

  app.openapi(toolVersions, async (c) => {
    const { name } = c.req.valid('param');
    return c.json(versionsJson(name, await registry.history({ name })), 200);
  });

  app.openapi(toolVersion, async (c) => {
    const { name, version } = c.req.valid('param');
    return c.json(toolDetailJson(await registry.get({ name, version })), 200);
  });

  app.openapi(toolExecutions, async (c) => {
    const { name } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const [record, executions] = await Promise.all([registry.get({ name }), registry.executions({ name, ...(limit === undefined ? {} : { limit }) })]);
    return c.json(executionsJson(record, executions), 200);
  });

  app.openapi(runTool, async (c) => {
    const { name } = c.req.valid('param');
    const { args } = c.req.valid('json');
    return c.json(callOutcomeJson(await registry.run({ name, args, signal: c.req.raw.signal })), 200);
  });
}

type Execution = Awaited<ReturnType<Registry['executions']>>[number];

function executionsJson(record: ToolRecord, executions: Execution[]): z.infer<typeof ExecutionsSchema> {
  const { stats } = record;
  return {
    name: record.name,
    version: record.currentVersion,
    totals: { ...stats, lastUsedAt: stats.lastUsedAt?.toISOString() ?? null },
    executions: executions.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}
