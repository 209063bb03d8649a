import type { Command } from 'commander';
import type { ToolsCommandContext } from './tools.ts';

/** `toolsmith ask`, `chat` and `demo`: the agent's commands. Their modules load only when one runs. */
export function registerAgentCommands(program: Command, context: ToolsCommandContext): void {
  const { config, sandbox, output, signal, execute } = context;

  program
    .command('ask')
    .description('answer a request with a tool from the library, writing and verifying a new one when none fits')
    .argument('<request>', 'what you want, in words, e.g. "What is 15 percent of 300?"')
    .option('--session <id>', 'continue a session (the id is in --json output and chat\'s /session)')
    .option('--json', 'print the whole outcome (decision, tool, arguments, result, events, model calls) as JSON')
    .action((request: string, opts: { session?: string; json?: boolean }) => {
      const json = opts.json === true;
      return execute(json, async () => {
        const { askCommand } = await import('./ask.ts');
        return askCommand({ config, sandbox, output, signal, request, json, ...(opts.session === undefined ? {} : { sessionId: opts.session }) });
      });
    });

  program
    .command('chat')
    .description('an interactive session on stdin/stdout: one request per line; /session, /exit')
    .option('--session <id>', 'continue a session')
    .action((opts: { session?: string }) =>
      execute(false, async () => {
        const { chatCommand } = await import('./chat.ts');
        return chatCommand({
          config, sandbox, output, signal, debug: config.debug,
          input: process.stdin,
          interactive: process.stdin.isTTY === true,
          ...(opts.session === undefined ? {} : { sessionId: opts.session }),
        });
      }),
    );

  program
    .command('demo')
    .description('run the three reference requests end to end in a temporary library, with a bundled scripted model')
    .option('--keep', 'keep the temporary library afterwards')
    .action((opts: { keep?: boolean }) =>
      execute(false, async () => {
        const { demoCommand } = await import('./demo.ts');
        return demoCommand({ config, sandbox, output, signal, keep: opts.keep === true });
      }),
    );
}
