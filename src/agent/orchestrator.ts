import type { Agent, AgentRequest, CreateAgentOptions } from './agent-port.ts';
import { collectOutcome } from './agent-outcome.ts';
import { createEventChannel } from './event-channel.ts';
import { createEventStamper, type AgentEvent } from './events.ts';
import { handleRequest } from './handle-request.ts';

/**
 * The agent over its parts; the parts are built once at the edge (`createToolsmith`).
 *
 * @example
 * const agent = createAgent({ registry, sandbox, sessions, model });
 * const outcome = await agent.run({ request: "Reverse the string 'hello world'" });
 */
export function createAgent(deps: CreateAgentOptions): Agent {
  const ask = (call: AgentRequest): AsyncIterable<AgentEvent> => {
    // A reader that stops early aborts the request, so no model call or synthesis runs on unseen.
    const stop = new AbortController();
    const signal = call.signal === undefined ? stop.signal : AbortSignal.any([call.signal, stop.signal]);
    const channel = createEventChannel<AgentEvent>({ onCancel: () => stop.abort() });
    const stamp = createEventStamper({ requestId: crypto.randomUUID() });
    void handleRequest(deps, { ...call, signal }, (body) => channel.push(stamp(body))).finally(() => channel.close());
    return channel;
  };

  return {
    ask,
    run: ({ onEvent, ...call }) => collectOutcome(ask(call), onEvent),
  };
}
