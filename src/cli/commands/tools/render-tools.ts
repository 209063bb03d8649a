import type { RegistrySearchResult, ToolRecord, ToolSummary, VersionEntry } from '../../../registry/index.ts';
import { clip, renderTable } from './render-table.ts';

const rate = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}%`);

export function renderList(tools: readonly ToolSummary[]): string {
  if (tools.length === 0) return 'No tools in the library. Add one with: toolsmith tools add DIR\n';
  return renderTable({
    header: ['NAME', 'VERSION', 'STATUS', 'USES', 'SUCCESS', 'DESCRIPTION'],
    rows: tools.map((tool) => [tool.name, tool.version, tool.status, String(tool.stats.uses), rate(tool.stats.successRate), clip(tool.description)]),
  });
}

export function renderSearch(result: RegistrySearchResult): string {
  if (result.hits.length === 0) return 'No matching tools (band: synthesize).\n';
  const table = renderTable({
    header: ['NAME', 'SIMILARITY', 'SCORE', 'BAND', 'STATUS', 'DESCRIPTION'],
    rows: result.hits.map((hit) => [hit.name, hit.similarity.toFixed(2), hit.score.toFixed(2), hit.band, hit.status, clip(hit.description, 50)]),
  });
  return `${table}\nTop band: ${result.band}\n`;
}

export function renderHistory(entries: readonly VersionEntry[]): string {
  return renderTable({
    header: ['VERSION', 'CURRENT', 'STATUS', 'TESTS', 'CREATED', 'REASON'],
    rows: entries.map((entry) => [
      entry.version,
      entry.isCurrent ? '*' : '',
      entry.status,
      entry.testTotals === null ? '-' : `${entry.testTotals.passed}/${entry.testTotals.total}`,
      entry.createdAt.toISOString().slice(0, 19).replace('T', ' '),
      entry.reason,
    ]),
  });
}

export function renderRecord(record: ToolRecord): string {
  const { manifest, stats } = record;
  const fields: Array<[string, string]> = [
    ['name', record.name],
    ['version', `${record.version}${record.isCurrent ? ' (current)' : ` (current: ${record.currentVersion})`}`],
    ['status', record.statusReason === null ? record.status : `${record.status}: ${record.statusReason}`],
    ['description', manifest.description],
    ['parameters', JSON.stringify(manifest.parameters)],
    ['returns', JSON.stringify(manifest.returns)],
    ['runtime', manifest.runtime],
    ['uses', `${stats.uses} (success ${rate(stats.successRate)})`],
    ['reason', record.reason],
  ];
  const width = Math.max(...fields.map(([key]) => key.length));
  return `${fields.map(([key, value]) => `${`${key}:`.padEnd(width + 2)}${value}`).join('\n')}\n`;
}
