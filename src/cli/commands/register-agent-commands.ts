import { InvalidArgumentError, type Command } from 'commander';
import type { AgentOptions } from '../../agent/index.ts';
import type { ToolsCommandContext } from './tools.ts';

interface SynthesisFlags {
  sequential?: boolean;
  repairs?: number;
}

function repairCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 10) throw new InvalidArgumentError('give a whole number from 0 to 10');
  return count;
}

function agentOptionsFrom(flags: SynthesisFlags): { agentOptions?: AgentOptions } {
  const options: AgentOptions = {
    ...(flags.sequential === true ? { sequential: true } : {}),
    ...(flags.repairs === undefined ? {} : { repairAttempts: flags.repairs }),
  };
  return Object.keys(options).length === 0 ? {} : { agentOptions: options };
}

/** `toolsmith ask`, `chat` and `demo`: the agent's commands. Their modules load only when one runs. */
export function registerAgentCommands(program: Command, context: ToolsCommandContext): void {
  const { config, sandbox, output, signal, execute } = context;

  program
    .command('ask')
    .description('answer a request with a tool from the library, writing and verifying a new one when none fits')
    .argument('<request>', 'what you want, in words, e.g. "What is 15 percent of 300?"')
    .option('--session <id>', 'continue a session (the id is in --json output and chat\'s /session)')
    .option('--json', 'print the whole outcome (decision, tool, arguments, result, events, model calls) as JSON')
    .option('--sequential', 'when writing a tool, give the implementation the tests first (default: both from the spec, in parallel)')
    .option('--repairs <n>', 'repair attempts when a new tool fails its tests (default 2)', repairCount)
    .action((request: string, opts: { session?: string; json?: boolean } & SynthesisFlags) => {
      const json = opts.json === true;
      return execute(json, async () => {
        const { askCommand } = await import('./ask.ts');
        return askCommand({ config, sandbox, output, signal, request, json, ...agentOptionsFrom(opts), ...(opts.session === undefined ? {} : { sessionId: opts.session }) });
      });
    });

  program
    .command('chat')
    .description('an interactive session on stdin/stdout: one request per line; /session, /exit')
    .option('--session <id>', 'continue a session')
    .option('--sequential', 'when writing a tool, give the implementation the tests first')
    .option('--repairs <n>', 'repair attempts when a new tool fails its tests (default 2)', repairCount)
    .action((opts: { session?: string } & SynthesisFlags) =>
      execute(false, async () => {
        const { chatCommand } = await import('./chat.ts');
        return chatCommand({
          config, sandbox, output, signal, debug: config.debug, ...agentOptionsFrom(opts),
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
