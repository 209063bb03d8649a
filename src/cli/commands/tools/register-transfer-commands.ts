import type { Command } from 'commander';
import type { Registry } from '../../../registry/index.ts';
import { EXIT_CODES, type ExitCode } from '../../exit-codes.ts';
import type { Output } from '../../output.ts';
import { exportPackages } from './export-packages.ts';
import { importPackages } from './import-packages.ts';
import { renderExport, renderImportOutcome, renderImportTotals, renderReindex } from './render-transfer.ts';

type Action = (json: boolean | undefined, body: (registry: Registry, json: boolean) => Promise<ExitCode>) => Promise<void>;

/** `tools export`, `tools import` and `tools reindex`: moving tools between libraries and re-embedding them. */
export function registerTransferCommands(tools: Command, context: { action: Action; output: Output; signal: AbortSignal }): void {
  const { action, output, signal } = context;
  const print = (json: boolean, value: unknown, human: string) => output.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : human);

  tools
    .command('export')
    .description('write tools as package folders (tool.json, tool.ts, tool.test.ts) that also pass under plain vitest')
    .argument('[names...]', 'the tools to export (default: all)')
    .requiredOption('--out <dir>', 'the folder to write into; one sub-folder per tool')
    .option('--force', 'replace existing tool folders')
    .option('--json', 'print JSON')
    .action((names: string[], opts: { out: string; force?: boolean; json?: boolean }) =>
      action(opts.json, async (registry, json) => {
        const report = await exportPackages({ registry, names, outDir: opts.out, force: opts.force === true });
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
