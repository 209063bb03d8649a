import { ToolsmithError } from '../../errors.ts';
import type { Agent, AgentOutcome, AgentEvent, AgentOptions } from '../../agent/index.ts';
import type { Config } from '../../config.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import type { Toolsmith } from '../../toolsmith.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';
import { connectToRunningServer } from '../running-server.ts';
import { renderEvent } from './render-events.ts';

export interface AgentCommandContext {
  config: Config;
  sandbox: Sandbox;
  output: Output;
  signal: AbortSignal;
  /** Synthesis settings from the command line (`--sequential`, `--repairs`). */
  agentOptions?: AgentOptions;
}

/**
 * Builds the agent for one command, runs `body`, and always closes the store. While `toolsmith
 * serve` holds the library, `body` gets the server's agent instead, with this command's synthesis
 * settings sent along with each request.
 */
export async function withAgent<T>(context: AgentCommandContext, body: (agent: Agent) => Promise<T>): Promise<T> {
  const server = await connectToRunningServer(context);
  if (server !== undefined) return body(withSynthesisSettings(server.agent, context.agentOptions));
  return withToolsmith(context, (toolsmith) => body(toolsmith.agent));
}

function withSynthesisSettings(agent: Agent, options: AgentOptions | undefined): Agent {
  if (options === undefined) return agent;
  const synthesis = {
    ...(options.sequential === undefined ? {} : { sequential: options.sequential }),
    ...(options.repairAttempts === undefined ? {} : { repairAttempts: options.repairAttempts }),
  };
  return {
    ask: (call) => agent.ask({ synthesis, ...call }),
    run: (call) => agent.run({ synthesis, ...call }),
  };
}

/** Builds Toolsmith for one command, runs `body`, and always closes the store. */
export async function withToolsmith<T>(context: AgentCommandContext, body: (toolsmith: Toolsmith) => Promise<T>): Promise<T> {
  const { createToolsmith } = await import('../../toolsmith.ts');
  const toolsmith = await createToolsmith(context.config, {
    sandbox: context.sandbox,
    signal: context.signal,
    ...(context.agentOptions === undefined ? {} : { agent: context.agentOptions }),
  });
  try {
    if (toolsmith.starterImported > 0) context.output.stderr(`Imported ${toolsmith.starterImported} starter tools into ${context.config.home}\n`);
    return await body(toolsmith);
  } finally {
    await toolsmith.close();
  }
}

/** Progress on stderr, one line per event worth showing. */
export function progressTo(output: Output): (event: AgentEvent) => void {
  return (event) => {
    const line = renderEvent(event);
    if (line !== undefined) output.stderr(`${line}\n`);
  };
}

/** A stopped request is reported as an interruption (exit 130), whichever stage it was in. */
export function interruptedIfAborted(error: unknown, signal: AbortSignal): unknown {
  if (!signal.aborted) return error;
  return new ToolsmithError({ kind: 'user', code: 'interrupted', message: 'interrupted; nothing half-done was saved', cause: error });
}

/** `toolsmith ask "…"`: progress on stderr, the answer (or with --json the whole outcome) on stdout. */
export async function askCommand(options: AgentCommandContext & { request: string; sessionId?: string; json: boolean }): Promise<ExitCode> {
  const { request, sessionId, json, output, signal } = options;
  return withAgent(options, async (agent) => {
    let outcome: AgentOutcome;
    try {
      outcome = await agent.run({ request, signal, onEvent: progressTo(output), ...(sessionId === undefined ? {} : { sessionId }) });
    } catch (error) {
      throw interruptedIfAborted(error, signal);
    }
    output.stdout(json ? `${JSON.stringify(outcome, null, 2)}\n` : `${outcome.answer}\n`);
    return outcome.toolError === undefined ? EXIT_CODES.ok : EXIT_CODES.failed;
  });
}
