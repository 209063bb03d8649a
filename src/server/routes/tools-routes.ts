import { createRoute } from '@hono/zod-openapi';
import type { z } from 'zod';
import type { Registry, ToolRecord, ToolSummary } from '../../registry/index.ts';
import { parseToolPackage } from '../../tool-package/index.ts';
import {
  AddToolBodySchema,
  CallOutcomeSchema,
  ReindexReportSchema,
  RollbackBodySchema,
  TestReportSchema,
  ExecutionsQuerySchema,
  ExecutionsSchema,
  RunToolBodySchema,
  ToolDetailSchema,
  ToolListSchema,
  ToolNameParamsSchema,
  ToolsQuerySchema,
  ToolVersionParamsSchema,
  VersionListSchema,
} from '../../api-contract/index.ts';
import { callOutcomeJson, summaryOfRecord, toolDetailJson, toolListItemJson, versionsJson } from '../json-shapes.ts';
import type { ApiApp, ServerContext } from '../server-context.ts';
import { errorResponses } from './error-responses.ts';
import { json } from './json-content.ts';

const DEFAULT_SEARCH_LIMIT = 10;

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

const addTool = createRoute({
  method: 'post',
  path: '/api/tools',
  summary: 'Add a tool package (tool.json, tool.ts, tool.test.ts as text): verified in the sandbox first; a failing package is refused unless experimental',
  request: { body: { required: true, content: json(AddToolBodySchema) } },
  responses: { 201: { description: 'the stored tool', content: json(ToolDetailSchema) }, ...errorResponses(400, 413, 415, 503) },
});

const removeTool = createRoute({
  method: 'delete',
  path: '/api/tools/{name}',
  summary: 'Remove a tool with all its versions and executions',
  request: { params: ToolNameParamsSchema },
  responses: { 204: { description: 'removed' }, ...errorResponses(404) },
});

const rollbackTool = createRoute({
  method: 'post',
  path: '/api/tools/{name}/rollback',
  summary: 'Make an earlier version current again',
  request: { params: ToolNameParamsSchema, body: { required: true, content: json(RollbackBodySchema) } },
  responses: { 200: { description: 'the tool at the version now current', content: json(ToolDetailSchema) }, ...errorResponses(400, 404, 415) },
});

const testTool = createRoute({
  method: 'post',
  path: '/api/tools/{name}/test',
  summary: "Re-run the current version's tests in the sandbox; changes nothing",
  request: { params: ToolNameParamsSchema },
  responses: { 200: { description: 'the suite result (ok false when a test failed)', content: json(TestReportSchema) }, ...errorResponses(404, 503) },
});

const reindexTools = createRoute({
  method: 'post',
  path: '/api/reindex',
  summary: "Re-embed every current tool with the server's embedder (after switching TOOLSMITH_EMBEDDER)",
  responses: { 200: { description: 'what was re-embedded', content: json(ReindexReportSchema) }, ...errorResponses(503) },
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

  app.openapi(addTool, async (c) => {
    const body = c.req.valid('json');
    const pkg = await parseToolPackage({ manifestText: body.manifest, source: body.source, tests: body.tests });
    const record = await registry.add({ pkg, experimental: body.experimental === true, reason: body.reason ?? 'added through the API', signal: c.req.raw.signal });
    return c.json(toolDetailJson(record), 201);
  });

  app.openapi(removeTool, async (c) => {
    await registry.remove({ name: c.req.valid('param').name });
    return c.body(null, 204);
  });

  app.openapi(rollbackTool, async (c) => {
    const { name } = c.req.valid('param');
    return c.json(toolDetailJson(await registry.rollback({ name, to: c.req.valid('json').to })), 200);
  });

  app.openapi(testTool, async (c) => {
    const report = await registry.test({ name: c.req.valid('param').name, signal: c.req.raw.signal });
    return c.json({ name: report.name, version: report.version, suite: { ...report.suite } }, 200);
  });

  app.openapi(reindexTools, async (c) => c.json(await registry.reindex({ signal: c.req.raw.signal }), 200));
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
