import { describe, expect, it } from 'vitest';
import { AgentEventSchema, createEventStamper } from './events.ts';

describe('agent events', () => {
  it('stamps a stage body with the request id and time, and the result parses', () => {
    const stamp = createEventStamper({ requestId: 'r1', now: () => 1000 });
    const event = stamp({ type: 'arguments-bound', tool: 'percentage_of', args: { percent: 15, value: 300 }, how: 'deterministic' });
    expect(event).toEqual({ type: 'arguments-bound', tool: 'percentage_of', args: { percent: 15, value: 300 }, how: 'deterministic', at: 1000, requestId: 'r1' });
    expect(AgentEventSchema.parse(event)).toEqual(event);
  });

  it('passes a synthesis stage event through untouched', () => {
    const event = { type: 'synthesis', at: 1, requestId: 'r1', event: { type: 'spec-generated', name: 'x' } };
    expect(AgentEventSchema.parse(event)).toEqual(event);
  });

  it('rejects events without a request id or of unknown types', () => {
    expect(AgentEventSchema.safeParse({ type: 'answer-generated', at: 1, text: 'x', how: 'template' }).success).toBe(false);
    expect(AgentEventSchema.safeParse({ type: 'answer-said', at: 1, requestId: 'r', text: 'x' }).success).toBe(false);
    expect(AgentEventSchema.safeParse({ type: 'search-completed', at: 1, requestId: 'r', hits: [], band: 'synthesize', decision: 'synthesize' }).success).toBe(true);
  });
});
