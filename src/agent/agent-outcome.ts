import { z } from 'zod';
import { ToolsmithError } from '../errors.ts';
import { BandSchema } from '../registry/index.ts';
import { AgentEventSchema, type AgentEvent } from './events.ts';

const ModelCallRecordSchema = z.object({
  purpose: z.string(),
  model: z.string(),
  durationMs: z.number().nonnegative(),
  usage: z.object({ inputTokens: z.number().nonnegative(), outputTokens: z.number().nonnegative() }),
  attempt: z.number().int().positive(),
});

/**
 * One answered request, as `agent.run` returns it and `toolsmith ask --json` prints it: what was
 * decided, which tool ran with which arguments, the answer, every event, and the model's cost.
 */
export const AgentOutcomeSchema = z.object({
  requestId: z.string(),
  sessionId: z.string(),
  decision: BandSchema,
  tool: z.object({ name: z.string(), version: z.string(), status: z.enum(['verified', 'experimental']) }),
  arguments: z.record(z.string(), z.unknown()),
  /** The tool's return value; absent when the call failed (see `toolError`) or nothing was called. */
  result: z.unknown().optional(),
  /** Why the tool call failed, when it ran and failed (the answer says so too). */
  toolError: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Whether the tool was written for this request. */
  synthesized: z.boolean(),
  answer: z.string(),
  events: z.array(AgentEventSchema),
  modelCalls: z.array(ModelCallRecordSchema),
  tokens: z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }),
});
export type AgentOutcome = z.infer<typeof AgentOutcomeSchema>;

/**
 * Folds a finished request's events into its outcome. A request that ended in `request-failed`
 * throws that failure as a `ToolsmithError` (with the request id in `details`).
 */
export function outcomeFromEvents(events: readonly AgentEvent[]): AgentOutcome {
  const last = events.at(-1);
  if (last?.type === 'request-failed') {
    const { kind, code, message, hint } = last.error;
    throw new ToolsmithError({ kind, code, message, ...(hint === undefined ? {} : { hint }), details: { requestId: last.requestId } });
  }
  if (last?.type !== 'answer-generated') {
    throw new ToolsmithError({ kind: 'system', code: 'request_unfinished', message: 'the agent stopped without an answer or a failure', hint: 'this is a bug; run again with TOOLSMITH_DEBUG=1 and report it' });
  }
  const find = <T extends AgentEvent['type']>(type: T) => events.findLast((event): event is Extract<AgentEvent, { type: T }> => event.type === type);
  const received = find('request-received');
  const context = find('context-loaded');
  const search = find('search-completed');
  const registered = find('tool-registered');
  const executed = find('tool-executed');
  const bound = find('arguments-bound');
  const modelCalls = events.flatMap((event) =>
    event.type === 'model-called' ? [{ purpose: event.purpose, model: event.model, durationMs: event.durationMs, usage: event.usage, attempt: event.attempt }] : [],
  );
  const tool = registered ?? toolOf(events);
  return {
    requestId: last.requestId,
    sessionId: context?.sessionId ?? received?.sessionId ?? '',
    decision: search?.decision ?? 'synthesize',
    tool: { name: tool.name, version: tool.version, status: tool.status },
    arguments: bound?.args ?? {},
    ...(executed?.ok === true ? { result: executed.result } : {}),
    ...(executed?.ok === false && executed.error !== undefined ? { toolError: executed.error } : {}),
    synthesized: registered !== undefined,
    answer: last.text,
    events: [...events],
    modelCalls,
    tokens: {
      input: modelCalls.reduce((sum, call) => sum + call.usage.inputTokens, 0),
      output: modelCalls.reduce((sum, call) => sum + call.usage.outputTokens, 0),
    },
  };
}

/** The tool a reuse ran: its execution names the version; the search hit gives the status. */
function toolOf(events: readonly AgentEvent[]): { name: string; version: string; status: 'verified' | 'experimental' } {
  const executed = events.findLast((event) => event.type === 'tool-executed');
  const search = events.findLast((event) => event.type === 'search-completed');
  const name = executed?.name ?? search?.tool ?? '';
  const hit = search?.hits.find((each) => each.name === name);
  return { name, version: executed?.version ?? '', status: hit?.status ?? 'verified' };
}

/**
 * `Agent.run` for any `ask`: reads the request's events to the end, passing each to `onEvent`,
 * and returns the outcome (or throws the `request-failed` error).
 */
export async function collectOutcome(events: AsyncIterable<AgentEvent>, onEvent?: (event: AgentEvent) => void): Promise<AgentOutcome> {
  const seen: AgentEvent[] = [];
  for await (const event of events) {
    seen.push(event);
    onEvent?.(event);
  }
  return outcomeFromEvents(seen);
}
