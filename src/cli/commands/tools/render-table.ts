/** Rows as aligned columns under a header; the last column is not padded. */
export function renderTable(options: { header: readonly string[]; rows: ReadonlyArray<readonly string[]> }): string {
  const { header, rows } = options;
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${all.map(line).join('\n')}\n`;
}

/** Cuts long text for a table cell, marking the cut. */
export function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
