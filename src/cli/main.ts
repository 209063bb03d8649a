import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { loadConfigWithDotEnv } from '../config.ts';
import { userError } from '../errors.ts';
import { registerBenchCommand } from './commands/bench.ts';
import { registerMcpCommand } from './commands/mcp.ts';
import { registerAgentCommands } from './commands/register-agent-commands.ts';
import { runCommand } from './commands/run.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerToolsCommand } from './commands/tools.ts';
import { verifyCommand } from './commands/verify.ts';
import { EXIT_CODE_HELP, EXIT_CODES, exitCodeForError, type ExitCode } from './exit-codes.ts';
import { createLazySandbox } from './lazy-sandbox.ts';
import { processOutput, type Output } from './output.ts';
import { chooseWasmTierBeforeActions } from './wasm-tier.ts';
import { errorEnvelope, renderErrorLines } from './render-error.ts';

// Model keys may also come from ./.env; the environment wins.
const config = await loadConfigWithDotEnv({ cwd: process.cwd() });
const debug = config.debug;
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const output: Output = processOutput;
const interrupt = new AbortController();
// First Ctrl-C stops the run cleanly (sandboxes torn down); a second one uses Node's default and kills.
process.once('SIGINT', () => interrupt.abort());

/**
 * Runs a command and turns whatever it throws into an exit code and one report: `error:`/`hint:`
 * lines on stderr, or with --json an envelope on stdout so scripts always get JSON.
 */
async function execute(json: boolean, body: () => Promise<ExitCode>): Promise<void> {
  const started = performance.now();
  try {
    process.exitCode = await body();
  } catch (error) {
    process.exitCode = exitCodeForError(error);
    if (json) output.stdout(`${JSON.stringify(errorEnvelope(error, performance.now() - started), null, 2)}\n`);
    else output.stderr(renderErrorLines(error, { debug }));
  }
}

function buildProgram(): Command {
  const sandbox = createLazySandbox();
  const signal = interrupt.signal;
  const program = new Command('toolsmith')
    .description('Verify and run Toolsmith tool packages (tool.json, tool.ts, tool.test.ts) in a sandbox.')
    .version(version)
    .exitOverride()
    .addHelpText('after', `\nExamples:\n  toolsmith verify ./tools/reverse_string\n  toolsmith run ./tools/reverse_string --args '{"s":"hello"}'\n\n${EXIT_CODE_HELP}\n`);

  program
    .command('verify')
    .description("check a tool package and run its tests in the package's sandbox")
    .argument('<dir>', 'the tool package folder')
    .option('--json', 'print the suite result as JSON')
    .action((dir: string, opts: { json?: boolean }) => {
      const json = opts.json === true;
      return execute(json, () => verifyCommand({ dir, json, sandbox, output, signal }));
    });

  program
    .command('run')
    .description('call a tool once with arguments checked against its parameters; prints the result as JSON')
    .argument('<dir>', 'the tool package folder')
    .option('--args <json>', 'the arguments, one JSON object')
    .option('--args-file <file>', 'read the arguments from a JSON file')
    .option('--json', 'print an envelope: {"ok": true, "result", "durationMs"} or {"ok": false, "error", "durationMs"}')
    .action((dir: string, opts: { args?: string; argsFile?: string; json?: boolean }) => {
      const json = opts.json === true;
      return execute(json, () => runCommand({ dir, json, args: opts.args, argsFile: opts.argsFile, sandbox, output, signal }));
    });

  chooseWasmTierBeforeActions(program);

  registerToolsCommand(program, { config, sandbox, output, signal, execute });
  registerAgentCommands(program, { config, sandbox, output, signal, execute });
  registerBenchCommand(program, { config, output, signal, execute });
  registerServeCommand(program, { config, sandbox, output, signal, execute });
  registerMcpCommand(program, { config, sandbox, output, signal, execute });

  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has already printed its message, the help or the version; the exit code and a hint are left.
    const usage = error.exitCode !== 0;
    process.exitCode = usage ? exitCodeForError(userError('usage_invalid', error.message)) : EXIT_CODES.ok;
    // Bare `toolsmith` has just printed the whole help; a hint to read it again would be noise.
    if (usage && error.code !== 'commander.help') output.stderr('hint: run "toolsmith --help" (or "toolsmith <command> --help") for usage\n');
  } else {
    process.exitCode = exitCodeForError(error);
    output.stderr(renderErrorLines(error, { debug }));
  }
}
