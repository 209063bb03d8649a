import { createInterface } from 'node:readline';
import { renderErrorLines } from '../render-error.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import type { AgentEvent } from '../../agent/index.ts';
import { progressTo, withAgent, type AgentCommandContext } from './ask.ts';

const HELP = 'Ask anything; /session shows the session id, /exit (or end of input) leaves.';

/**
 * `toolsmith chat`: one request per line, all in one session, so "now reverse that" works.
 * Reads piped input as well as a terminal; a failed request is reported and the chat goes on.
 */
export async function chatCommand(
  options: AgentCommandContext & { input: NodeJS.ReadableStream; interactive: boolean; sessionId?: string; debug: boolean },
): Promise<ExitCode> {
  const { input, interactive, output, signal, debug } = options;
  return withAgent(options, async (agent) => {
    let sessionId = options.sessionId;
    const lines = createInterface({ input, terminal: false });
    const prompt = () => {
      if (interactive) output.stdout('> ');
    };
    const onAbort = () => lines.close();
    signal.addEventListener('abort', onAbort, { once: true });
    if (interactive) output.stdout(`${HELP}\n`);
    prompt();
    try {
      for await (const raw of lines) {
        const line = raw.trim();
        if (line === '/exit' || line === '/quit') break;
        if (line === '/session') output.stdout(`${sessionId ?? 'no session yet: ask something first'}\n`);
        else if (line === '/help') output.stdout(`${HELP}\n`);
        else if (line !== '') {
          const progress = progressTo(output);
          const onEvent = (event: AgentEvent) => {
            if (event.type === 'context-loaded') sessionId = event.sessionId;
            progress(event);
          };
          try {
            const outcome = await agent.run({ request: line, signal, onEvent, ...(sessionId === undefined ? {} : { sessionId }) });
            output.stdout(`${outcome.answer}\n`);
          } catch (error) {
            if (signal.aborted) break;
            output.stderr(renderErrorLines(error, { debug }));
          }
        }
        prompt();
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      lines.close();
    }
    return signal.aborted ? EXIT_CODES.interrupted : EXIT_CODES.ok;
  });
}
