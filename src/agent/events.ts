import { z } from 'zod';
import { BandSchema } from '../registry/index.ts';

/**
 * What the agent says while it answers a request. The orchestrator yields these in order
 * (`AsyncIterable<AgentEvent>`); the CLI, the server and MCP only render or forward them.
 * Every event carries `at` (milliseconds since the epoch) and the `requestId` it belongs to.
 *
 * @example
 * for await (const event of agent.handle({ request: 'What is 15 percent of 300?' })) {
 *   if (event.type === 'answer-generated') console.log(event.text);
 * }
 */
const eventBase = {
  at: z.number().nonnegative(),
  requestId: z.string().min(1),
};

const jsonObject = z.record(z.string(), z.unknown());

export const AgentErrorSchema = z.object({
  kind: z.enum(['user', 'model', 'system']),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const SearchHitSchema = z.object({
  name: z.string(),
  description: z.string(),
  similarity: z.number(),
  score: z.number(),
  band: BandSchema,
  status: z.enum(['verified', 'experimental']),
});

export const RequestReceivedEventSchema = z.object({
  type: z.literal('request-received'),
  ...eventBase,
  request: z.string(),
  sessionId: z.string().optional(),
});

export const ContextLoadedEventSchema = z.object({
  type: z.literal('context-loaded'),
  ...eventBase,
  sessionId: z.string(),
  /** How many earlier messages of the session the agent read (the sliding window). */
  messages: z.number().int().nonnegative(),
  /** Whether the session has a tool result a reference like "that" can point to. */
  hasPreviousResult: z.boolean(),
});

export const IntentDetectedEventSchema = z.object({
  type: z.literal('intent-detected'),
  ...eventBase,
  intent: z.enum(['use', 'create']),
  /** For `create`: the tool description to build. */
  description: z.string().optional(),
});

export const SearchCompletedEventSchema = z.object({
  type: z.literal('search-completed'),
  ...eventBase,
  hits: z.array(SearchHitSchema),
  band: BandSchema,
  /**
   * What the agent does next: call `tool` (`reuse`; `check` when the top hit was in the check band
   * and its parameters took the request's values), or build a new one (`synthesize`).
   */
  decision: BandSchema,
  tool: z.string().optional(),
});

export const ArgumentsBoundEventSchema = z.object({
  type: z.literal('arguments-bound'),
  ...eventBase,
  tool: z.string(),
  args: jsonObject,
  how: z.enum(['deterministic', 'model', 'reference']),
});

export const ToolExecutedEventSchema = z.object({
  type: z.literal('tool-executed'),
  ...eventBase,
  name: z.string(),
  version: z.string(),
  ok: z.boolean(),
  /** The tool's return value when `ok`. */
  result: z.unknown().optional(),
  /** Why the call failed when not `ok`. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  durationMs: z.number().nonnegative(),
});

export const ToolRegisteredEventSchema = z.object({
  type: z.literal('tool-registered'),
  ...eventBase,
  name: z.string(),
  version: z.string(),
  status: z.enum(['verified', 'experimental']),
  /** For `experimental`: why its suite did not pass. */
  reason: z.string().optional(),
});

/** One model reply (a re-asked one counts again), so a request's calls and tokens can be totted up. */
export const ModelCalledEventSchema = z.object({
  type: z.literal('model-called'),
  ...eventBase,
  purpose: z.string(),
  model: z.string(),
  durationMs: z.number().nonnegative(),
  usage: z.object({ inputTokens: z.number().nonnegative(), outputTokens: z.number().nonnegative() }),
  attempt: z.number().int().positive(),
});

export const AnswerGeneratedEventSchema = z.object({
  type: z.literal('answer-generated'),
  ...eventBase,
  text: z.string(),
  how: z.enum(['template', 'model']),
});

export const RequestFailedEventSchema = z.object({
  type: z.literal('request-failed'),
  ...eventBase,
  error: AgentErrorSchema,
});

/** A synthesis stage's own event (its union lives with the synthesis layer), passed through. */
export const SynthesisEventSchema = z.object({
  type: z.literal('synthesis'),
  ...eventBase,
  event: z.unknown(),
});

export const AgentEventSchema = z.discriminatedUnion('type', [
  RequestReceivedEventSchema,
  ContextLoadedEventSchema,
  IntentDetectedEventSchema,
  SearchCompletedEventSchema,
  ArgumentsBoundEventSchema,
  ToolExecutedEventSchema,
  ToolRegisteredEventSchema,
  ModelCalledEventSchema,
  AnswerGeneratedEventSchema,
  RequestFailedEventSchema,
  SynthesisEventSchema,
]);

export type AgentEvent = z.infer<typeof AgentEventSchema>;
export type AgentEventType = AgentEvent['type'];
export type AgentError = z.infer<typeof AgentErrorSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type RequestReceivedEvent = z.infer<typeof RequestReceivedEventSchema>;
export type ContextLoadedEvent = z.infer<typeof ContextLoadedEventSchema>;
export type IntentDetectedEvent = z.infer<typeof IntentDetectedEventSchema>;
export type SearchCompletedEvent = z.infer<typeof SearchCompletedEventSchema>;
export type ArgumentsBoundEvent = z.infer<typeof ArgumentsBoundEventSchema>;
export type ToolExecutedEvent = z.infer<typeof ToolExecutedEventSchema>;
export type ToolRegisteredEvent = z.infer<typeof ToolRegisteredEventSchema>;
export type ModelCalledEvent = z.infer<typeof ModelCalledEventSchema>;
export type AnswerGeneratedEvent = z.infer<typeof AnswerGeneratedEventSchema>;
export type RequestFailedEvent = z.infer<typeof RequestFailedEventSchema>;
export type SynthesisEvent = z.infer<typeof SynthesisEventSchema>;

/** The fields of an event without the envelope, as a stage produces them. */
export type AgentEventBody<T extends AgentEventType = AgentEventType> = T extends AgentEventType ? Omit<Extract<AgentEvent, { type: T }>, 'at' | 'requestId'> : never;

/**
 * Stamps events for one request, so stages need not thread `requestId` and clocks around.
 *
 * @example
 * const stamp = createEventStamper({ requestId: 'r1' });
 * yield stamp({ type: 'intent-detected', intent: 'use' });
 */
export function createEventStamper(options: { requestId: string; now?: () => number }): <B extends AgentEventBody>(body: B) => Extract<AgentEvent, { type: B['type'] }> {
  const now = options.now ?? Date.now;
  return <B extends AgentEventBody>(body: B) => ({ ...body, at: now(), requestId: options.requestId }) as unknown as Extract<AgentEvent, { type: B['type'] }>;
}
