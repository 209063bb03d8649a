import type { Model } from '../models/index.ts';
import type { Registry } from '../registry/index.ts';
import type { Sandbox, SandboxLimits } from '../sandbox/index.ts';
import type { AgentOutcome } from './agent-outcome.ts';
import type { AgentEvent } from './events.ts';
import type { SessionStore } from './memory/session-store-port.ts';

export interface AgentRequest {
  /** What the user asked, in their words. */
  request: string;
  /** Continue this session; without one a new session is created (its id is in `context-loaded`). */
  sessionId?: string;
  signal?: AbortSignal;
  /** This request's synthesis settings, over the agent's (e.g. a CLI forwarding `--sequential` to a server). */
  synthesis?: Pick<AgentOptions, 'sequential' | 'repairAttempts'>;
}

export interface AgentOptions {
  /** How many earlier messages of the session the agent reads (default 12). */
  contextWindow?: number;
  /** Repairs a synthesis may try (default the synthesis layer's, 2). */
  repairAttempts?: number;
  /** Write the implementation after the tests and with them in view, instead of independently in parallel. */
  sequential?: boolean;
  /**
   * Who phrases answers when a model is configured: `model` (default) or `template`, which keeps
   * a request that needs no synthesis and no argument reading free of model calls.
   */
  answers?: 'model' | 'template';
  /** Sandbox limits for synthesis verifications. */
  synthesisLimits?: Partial<SandboxLimits>;
}

export interface CreateAgentOptions {
  registry: Registry;
  sandbox: Sandbox;
  sessions: SessionStore;
  /** Without a model the agent still reuses tools whose arguments bind deterministically. */
  model?: Model;
  options?: AgentOptions;
}

/**
 * The self-engineering loop: find a tool for the request (or write, verify and register one),
 * bind the request's values to its parameters, run it in the sandbox, and answer.
 *
 * @example
 * const agent = createAgent({ registry, sandbox, sessions, model });
 * for await (const event of agent.ask({ request: 'What is 15 percent of 300?' })) console.error(event.type);
 * const { answer, decision } = await agent.run({ request: "Reverse 'Python'" });
 */
export interface Agent {
  /** The request's events in order; the last is `answer-generated` or `request-failed`. Never throws. */
  ask(options: AgentRequest): AsyncIterable<AgentEvent>;
  /** `ask`, collected: resolves with the outcome or rejects with the `request-failed` error. */
  run(options: AgentRequest & { onEvent?: (event: AgentEvent) => void }): Promise<AgentOutcome>;
}
