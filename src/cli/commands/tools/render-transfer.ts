import type { ReindexReport } from '../../../registry/index.ts';
import type { ExportReport } from './export-packages.ts';
import type { ImportOutcome, ImportReport } from './import-packages.ts';

export function renderDefinitionsExport(report: { file: string; format: string; tools: string[] }): string {
  return `Wrote ${report.tools.length} ${report.format} tool ${report.tools.length === 1 ? 'definition' : 'definitions'} to ${report.file}\n`;
}

export function renderExport(report: ExportReport): string {
  const count = `${report.tools.length} ${report.tools.length === 1 ? 'tool' : 'tools'}`;
  return `Exported ${count} to ${report.dir}\nRun their tests with plain vitest: cd ${report.dir} && npx vitest run (see README.md)\n`;
}

/** One line per package (failing tests indented below), as each finishes. */
export function renderImportOutcome(entry: ImportOutcome): string {
  const label = entry.outcome.padEnd(9);
  switch (entry.outcome) {
    case 'imported':
      return `${label}${entry.name} ${entry.version} (${entry.status}${entry.statusReason === null ? '' : `: ${entry.statusReason}`})\n`;
    case 'skipped':
      return `${label}${entry.name} ${entry.version}: ${entry.reason}\n`;
    case 'failed': {
      const tests = entry.failingTests.map((test) => `           ✗ ${test.name}: ${test.message.split('\n')[0]}\n`).join('');
      return `${label}${entry.name} ${entry.version}: verification failed; not imported\n${tests || `           ${entry.message}\n`}`;
    }
    case 'invalid':
      return `${label}${entry.dir}: ${entry.message}\n${entry.hint === undefined ? '' : `           hint: ${entry.hint}\n`}`;
  }
}

export function renderImportTotals(report: ImportReport): string {
  const { imported, skipped, failed, invalid } = report.totals;
  const hint = failed > 0 ? '\nFix the failing tests, or pass --experimental to keep them unverified.' : '';
  return `Imported ${imported}, skipped ${skipped}, failed ${failed}, invalid ${invalid}${hint}\n`;
}

export function renderReindex(report: ReindexReport): string {
  const seconds = (report.durationMs / 1000).toFixed(1);
  return `Re-embedded ${report.embedded} tools with ${report.embedderId} in ${seconds} s (${report.missingBefore} had no vector from it)\n`;
}
