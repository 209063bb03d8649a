import { Option, type Command } from 'commander';
import { userError } from '../../../errors.ts';
import type { FunctionFormat } from '../../../mcp/index.ts';
import type { Registry } from '../../../registry/index.ts';
import { EXIT_CODES, type ExitCode } from '../../exit-codes.ts';
import type { Output } from '../../output.ts';
import { exportPackages } from './export-packages.ts';
import { importPackages } from './import-packages.ts';
import { renderDefinitionsExport, renderExport, renderImportOutcome, renderImportTotals, renderReindex } from './render-transfer.ts';

// Spelled out here so `tools --help` does not load the MCP layer; the check keeps it in step with FUNCTION_FORMATS.
const FORMATS = ['openai', 'anthropic', 'mcp'] as const satisfies readonly FunctionFormat[];
type _EveryFormatListed = FunctionFormat extends (typeof FORMATS)[number] ? true : never;
const everyFormatListed: _EveryFormatListed = true;
void everyFormatListed;

type Action = (json: boolean | undefined, body: (registry: Registry, json: boolean) => Promise<ExitCode>) => Promise<void>;

/** `tools export`, `tools import` and `tools reindex`: moving tools between libraries and re-embedding them. */
export function registerTransferCommands(tools: Command, context: { action: Action; output: Output; signal: AbortSignal }): void {
  const { action, output, signal } = context;
  const print = (json: boolean, value: unknown, human: string) => output.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : human);

  tools
    .command('export')
    .description('write tools as package folders (tool.json, tool.ts, tool.test.ts) that also pass under plain vitest, or with --format as one function-calling JSON document')
    .argument('[names...]', 'the tools to export (default: all; with --format, all verified)')
    .option('--out <path>', 'the folder to write into, one sub-folder per tool; with --format, the file to write (default: stdout)')
    .addOption(new Option('--format <format>', 'write function-calling definitions instead of package folders').choices(FORMATS))
    .option('--experimental', 'with --format, include experimental tools')
    .option('--force', 'replace existing tool folders (or the --out file)')
    .option('--json', 'print JSON')
    .action((names: string[], opts: { out?: string; format?: FunctionFormat; experimental?: boolean; force?: boolean; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const force = opts.force === true;
        if (opts.format !== undefined) {
          const { exportDefinitions, writeDefinitions } = await import('./export-definitions.ts');
          const exported = await exportDefinitions({ registry, names, format: opts.format, experimental: opts.experimental === true });
          if (opts.out === undefined) {
            output.stdout(`${JSON.stringify(exported.document, null, 2)}\n`);
            return EXIT_CODES.ok;
          }
          const file = await writeDefinitions({ exported, file: opts.out, force });
          const report = { file, format: exported.format, tools: exported.tools };
          print(json, report, renderDefinitionsExport(report));
          return EXIT_CODES.ok;
        }
        if (opts.out === undefined) throw userError('usage_invalid', 'tools export needs --out <dir> (or --format to print definitions)', 'pass for example --out ./exported');
        if (opts.experimental === true) throw userError('usage_invalid', '--experimental applies only with --format', 'package export always writes every tool you name (all by default)');
        const report = await exportPackages({ registry, names, outDir: opts.out, force });
        if (report.keptRootFiles.length > 0) output.stderr(`Kept your ${report.keptRootFiles.join(', ')} in ${report.dir} (pass --force to replace them)\n`);
        print(json, report, renderExport(report));
        return EXIT_CODES.ok;
      }),
    );

  tools
    .command('import')
    .description('verify tool packages in the sandbox and add those that pass (exit 1 if any failed)')
    .argument('<dir>', 'a folder of tool packages (as written by export), or one package folder')
    .option('--experimental', 'add packages whose tests fail too, marked experimental')
    .option('--json', 'print JSON')
    .action((dir: string, opts: { experimental?: boolean; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const report = await importPackages({
          registry,
          dir,
          experimental: opts.experimental === true,
          signal,
          ...(json ? {} : { onPackage: (entry) => output.stdout(renderImportOutcome(entry)) }),
        });
        print(json, report, renderImportTotals(report));
        if (report.totals.failed > 0) return EXIT_CODES.failed;
        return report.totals.invalid > 0 ? EXIT_CODES.badInput : EXIT_CODES.ok;
      }),
    );

  tools
    .command('reindex')
    .description('re-embed every tool with the configured embedder (TOOLSMITH_EMBEDDER)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const report = await registry.reindex({ signal });
        print(json, { ...report, durationMs: Math.round(report.durationMs) }, renderReindex(report));
        return EXIT_CODES.ok;
      }),
    );
}
