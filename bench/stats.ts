import os from 'node:os';

export interface Summary {
  label: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  note?: string;
}

/** Times `fn` over `runs` repetitions after `warmup` unmeasured ones. */
export async function measure(label: string, fn: () => Promise<unknown>, options: { runs?: number; warmup?: number; note?: string } = {}): Promise<Summary> {
  const runs = options.runs ?? 30;
  for (let i = 0; i < (options.warmup ?? 3); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return { label, runs, ...summarize(samples), ...(options.note ? { note: options.note } : {}) };
}

export function summarize(samples: number[]): { medianMs: number; p95Ms: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function printTable(title: string, rows: Summary[]): void {
  console.log(`\n## ${title}\n`);
  const width = Math.max(...rows.map((r) => r.label.length), 10);
  console.log(`${'case'.padEnd(width)}  ${'runs'.padStart(5)}  ${'median ms'.padStart(10)}  ${'p95 ms'.padStart(9)}  note`);
  for (const row of rows) {
    console.log(
      `${row.label.padEnd(width)}  ${String(row.runs).padStart(5)}  ${row.medianMs.toFixed(2).padStart(10)}  ${row.p95Ms.toFixed(2).padStart(9)}  ${row.note ?? ''}`,
    );
  }
}
