import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import { userError } from '../../errors.ts';
import type { Registry } from '../../registry/index.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { loadToolPackage } from '../../tool-package/index.ts';
import { EXIT_CODES, exitCodeForFailure, exitCodeForSuite, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';
import { readArguments } from '../read-arguments.ts';
import { renderSuite } from '../render-suite.ts';
import { registerTransferCommands } from './tools/register-transfer-commands.ts';
import { renderHistory, renderList, renderRecord, renderSearch } from './tools/render-tools.ts';

export interface ToolsCommandContext {
  config: Config;
  sandbox: Sandbox;
  output: Output;
  signal: AbortSignal;
  /** The entry's error boundary: maps throws to exit codes and reports. */
  execute(json: boolean, body: () => Promise<ExitCode>): Promise<void>;
}

type Body = (registry: Registry, json: boolean) => Promise<ExitCode>;

/** `toolsmith tools ...`: the library of verified tools. */
export function registerToolsCommand(program: Command, context: ToolsCommandContext): void {
  const { output } = context;
  const print = (json: boolean, value: unknown, human: string) => output.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : human);
  // The store (PGlite) and word vectors load only when a tools command runs, never for --help or verify.
  const action = (json: boolean | undefined, body: Body) =>
    context.execute(json === true, async () => {
      const { withRegistry } = await import('./tools/open-registry.ts');
      return withRegistry(context, (registry) => body(registry, json === true));
    });

  const tools = program.command('tools').description('the tool library: list, search, add, run and manage verified tools');

  tools
    .command('list')
    .description('list the tools with their status and use counts')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const list = await registry.list();
        print(json, list, renderList(list));
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('show')
    .description("show a tool's current version (manifest, status, stats)")
    .argument('<name>', 'the tool name')
    .option('--json', 'print JSON (with source and tests)')
    .action((name: string, opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const record = await registry.get({ name });
        print(json, record, renderRecord(record));
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('search')
    .description('find tools for a request, ranked by the ranking policy')
    .argument('<query>', 'what you want done, in words')
    .option('-k, --limit <n>', 'how many hits (1-50)', '5')
    .option('--json', 'print JSON')
    .action((query: string, opts: { limit: string; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit)) throw userError('usage_invalid', `-k must be a whole number, not "${opts.limit}"`, 'pass for example -k 5');
        const result = await registry.search({ query, limit, signal: context.signal });
        print(json, result, renderSearch(result));
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('add')
    .description('verify a tool package and add it to the library')
    .argument('<dir>', 'the tool package folder')
    .option('--experimental', 'add it even if its tests fail, marked experimental')
    .option('--json', 'print JSON')
    .action((dir: string, opts: { experimental?: boolean; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const pkg = await loadToolPackage({ dir });
        const record = await registry.add({ pkg, experimental: opts.experimental === true, reason: 'added from a folder', signal: context.signal });
        const reason = record.statusReason === null ? '' : ` (${record.statusReason})`;
        print(json, record, `Added ${record.name} ${record.version} as ${record.status}${reason}\n`);
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('test')
    .description("re-run the current version's tests in the sandbox")
    .argument('<name>', 'the tool name')
    .option('--json', 'print the suite result as JSON')
    .action((name: string, opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const report = await registry.test({ name, signal: context.signal });
        const record = await registry.get({ name });
        print(json, report, renderSuite({ manifest: record.manifest, source: record.source, tests: record.tests }, report.suite));
        return exitCodeForSuite(report.suite);
      }),
    );

  tools
    .command('run')
    .description('call a tool from the library with checked arguments; prints the result as JSON')
    .argument('<name>', 'the tool name')
    .option('--args <json>', 'the arguments, one JSON object')
    .option('--args-file <file>', 'read the arguments from a JSON file')
    .option('--json', 'print an envelope: {"ok", "result" or "error", "durationMs"}')
    .action((name: string, opts: { args?: string; argsFile?: string; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const record = await registry.get({ name });
        const args = await readArguments({ manifest: record.manifest, source: record.source, tests: record.tests }, opts);
        const outcome = await registry.run({ name, args, signal: context.signal });
        if (outcome.console.text.length > 0) output.stderr(outcome.console.text.endsWith('\n') ? outcome.console.text : `${outcome.console.text}\n`);
        const durationMs = Math.round(outcome.durationMs);
        if (outcome.ok) print(json, { ok: true, result: outcome.value ?? null, durationMs }, `${JSON.stringify(outcome.value ?? null, null, 2)}\n`);
        else if (json) print(true, { ok: false, error: outcome.error, durationMs }, '');
        else output.stderr(`error: ${name} failed (${outcome.error.code}): ${outcome.error.message}\nhint: run \`toolsmith tools test ${name}\` to see whether its tests pass\n`);
        return outcome.ok ? EXIT_CODES.ok : exitCodeForFailure(outcome.error.code);
      }),
    );

  tools
    .command('history')
    .description('list every version of a tool, newest first')
    .argument('<name>', 'the tool name')
    .option('--json', 'print JSON')
    .action((name: string, opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const entries = await registry.history({ name });
        print(json, entries, renderHistory(entries));
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('rollback')
    .description('make an earlier version current again')
    .argument('<name>', 'the tool name')
    .requiredOption('--to <version>', 'the version to make current')
    .option('--json', 'print JSON')
    .action((name: string, opts: { to: string; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const record = await registry.rollback({ name, to: opts.to });
        print(json, record, `${name} is now at ${record.version} (${record.status})\n`);
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('rm')
    .description('remove a tool with all its versions and history')
    .argument('<name>', 'the tool name')
    .option('--json', 'print JSON')
    .action((name: string, opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        await registry.remove({ name });
        print(json, { ok: true, removed: name }, `Removed ${name}\n`);
        return EXIT_CODES.ok;
      }),
    );

  registerTransferCommands(tools, { action, output, signal: context.signal });
}
