import { z } from 'zod';
import { AgentErrorSchema, AgentEventSchema, AgentOutcomeSchema, SessionMessageSchema } from '../agent/index.ts';
import { BandSchema, ToolStatusSchema } from '../registry/index.ts';
import { ConsoleCaptureSchema, SandboxFailureSchema, SuiteResultSchema } from '../sandbox/index.ts';

/**
 * Every shape that crosses the HTTP API, once: request bodies and queries are validated with
 * these, and `/openapi.json` is generated from the same schemas. Dates cross as ISO strings.
 */

const isoDate = z.string().describe('ISO 8601 date-time');
const toolName = z.string().min(1).max(200);

export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  /** Whose fault: `user` (fix the input), `model` (the model replied wrongly), `system` (the server failed). */
  kind: z.enum(['user', 'model', 'system']).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
export const ErrorResponseSchema = z.object({ error: ApiErrorSchema });

// Requests -------------------------------------------------------------------------------------

export const CreateRequestBodySchema = z.strictObject({
  request: z.string().trim().min(1, 'request must not be empty').max(10_000, 'request must be at most 10,000 characters').describe('what the user asks, in words'),
  sessionId: z.string().min(1).max(100).optional().describe('continue this session; without one a new session is started'),
  synthesis: z
    .strictObject({
      sequential: z.boolean().optional().describe('write the implementation after the tests, with them in view'),
      repairs: z.number().int().min(0).max(10).optional().describe('repair attempts when a new tool fails its tests'),
    })
    .optional()
    .describe("this request's synthesis settings, when a tool has to be written"),
});

export const RequestAcceptedSchema = z.object({
  requestId: z.string(),
  sessionId: z.string(),
  /** Where the request's events stream from (Server-Sent Events). */
  eventsUrl: z.string(),
});

export const RequestIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const RequestStatusSchema = z.object({
  requestId: z.string(),
  sessionId: z.string(),
  request: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: isoDate,
  finishedAt: isoDate.optional(),
  /** How many events so far; the SSE ids run from 1 to this. */
  eventCount: z.number().int().nonnegative(),
  outcome: AgentOutcomeSchema.optional().describe('when succeeded'),
  error: AgentErrorSchema.optional().describe('when failed'),
});
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const EventsHeadersSchema = z.object({
  'last-event-id': z.string().regex(/^\d+$/, 'Last-Event-ID must be the id of an event already received').optional(),
});

export { AgentEventSchema };

// Tools ----------------------------------------------------------------------------------------

const StatsSchema = z.object({
  uses: z.number().int(),
  successes: z.number().int(),
  failures: z.number().int(),
  successRate: z.number().nullable(),
  lastUsedAt: isoDate.nullable(),
});

export const ToolsQuerySchema = z.object({
  q: z.string().trim().max(2_000).optional().describe('search by meaning; without it every tool is listed'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('at most this many tools (search default 10)'),
});

export const ToolListItemSchema = z.object({
  name: z.string(),
  description: z.string(),
  version: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().nullable(),
  uses: z.number().int(),
  successRate: z.number().nullable(),
  stats: StatsSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  /** Search only: match quality, ranking score and band. */
  similarity: z.number().optional(),
  score: z.number().optional(),
  band: BandSchema.optional(),
});

export const ToolListSchema = z.object({
  tools: z.array(ToolListItemSchema),
  /** Search only: what the top hit says to do with the query. */
  band: BandSchema.optional(),
});

export const ToolNameParamsSchema = z.object({ name: toolName });

export const ToolDetailSchema = z.object({
  name: z.string(),
  version: z.string(),
  currentVersion: z.string(),
  manifest: z.record(z.string(), z.unknown()).describe('tool.json'),
  source: z.string(),
  tests: z.string(),
  status: ToolStatusSchema,
  statusReason: z.string().nullable(),
  testResults: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  stats: StatsSchema,
});

export const VersionListSchema = z.object({
  name: z.string(),
  versions: z.array(
    z.object({
      version: z.string(),
      reason: z.string(),
      status: ToolStatusSchema,
      statusReason: z.string().nullable(),
      testTotals: z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() }).nullable(),
      isCurrent: z.boolean(),
      createdAt: isoDate,
    }),
  ),
});

export const ToolVersionParamsSchema = z.object({ name: toolName, version: z.string().min(1).max(100).describe('a version from /api/tools/{name}/versions') });

export const ExecutionsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1_000).optional().describe('at most this many executions, newest first (default 20)'),
});

export const ExecutionSchema = z.object({
  /** The version that ran, which may be older than the current one. */
  version: z.string(),
  success: z.boolean(),
  /** `code: message` when the call failed. */
  error: z.string().nullable(),
  durationMs: z.number(),
  createdAt: isoDate,
});

export const ExecutionsSchema = z.object({
  name: z.string(),
  /** The current version. */
  version: z.string(),
  /** Over every execution the tool has had, not only those listed. */
  totals: StatsSchema,
  executions: z.array(ExecutionSchema).describe('the most recent executions, newest first'),
});

export const RunToolBodySchema = z.strictObject({
  args: z.record(z.string(), z.unknown()).describe("the tool's arguments, checked against its parameters"),
});

export const CallOutcomeSchema = z.object({
  ok: z.boolean(),
  runtime: z.enum(['isolate', 'process']),
  value: z.unknown().optional().describe('when ok'),
  error: SandboxFailureSchema.optional().describe('when not ok'),
  durationMs: z.number(),
  console: ConsoleCaptureSchema,
});

export const AddToolBodySchema = z.strictObject({
  manifest: z.string().min(1, 'manifest must not be empty').describe('the text of tool.json (kept as text so problems name its lines)'),
  source: z.string().describe('the text of tool.ts'),
  tests: z.string().describe('the text of tool.test.ts'),
  experimental: z.boolean().optional().describe('store it as experimental, with the failures as the reason, if its tests fail'),
  reason: z.string().max(500).optional().describe('why this version was made (default "added through the API")'),
});

export const RollbackBodySchema = z.strictObject({
  to: z.string().min(1).max(100).describe('the version to make current again'),
});

export const TestReportSchema = z.object({
  name: z.string(),
  version: z.string(),
  suite: SuiteResultSchema.describe('ok is true only when at least one test ran and none failed'),
});

export const ReindexReportSchema = z.object({
  embedderId: z.string(),
  embedded: z.number().int(),
  missingBefore: z.number().int(),
  durationMs: z.number(),
});

// Sessions -------------------------------------------------------------------------------------

export const LimitQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).optional() });
export const SessionIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const SessionListSchema = z.object({
  sessions: z.array(z.object({ id: z.string(), title: z.string().nullable(), createdAt: isoDate, updatedAt: isoDate, messageCount: z.number().int() })),
});

export const MessageListSchema = z.object({
  sessionId: z.string(),
  // The session's messages as stored, with the date as text (the session id is the envelope's).
  messages: z.array(SessionMessageSchema.omit({ sessionId: true }).extend({ createdAt: isoDate })),
});

// Settings -------------------------------------------------------------------------------------

export const SettingsSchema = z.object({
  /** `provider:model`, or null when none is configured. */
  model: z.string().nullable(),
  /** `TOOLSMITH_EMBEDDER` as configured (`word-vectors` by default). */
  embedder: z.string(),
  /** `TOOLSMITH_SENTENCE_ENCODER`: the offline sentence encoder fused into search, or `off`. */
  sentenceEncoder: z.enum(['use-lite', 'off']),
  database: z.enum(['pglite', 'postgres']),
  auth: z.enum(['token', 'none']),
  maxRunningRequests: z.number().int(),
  maxBodyBytes: z.number().int(),
});
