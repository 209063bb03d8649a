import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { Command } from 'commander';
import type { z } from 'zod';
import type { Config } from '../../config.ts';
import { userError } from '../../errors.ts';
import type { BenchmarkTool, RetrievalBenchmarkRow } from '../../registry/index.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';

export interface BenchCommandContext {
  config: Config;
  output: Output;
  signal: AbortSignal;
  execute(json: boolean, body: () => Promise<ExitCode>): Promise<void>;
}

/** `toolsmith bench ...`: measurements that need no library of the user's. */
export function registerBenchCommand(program: Command, context: BenchCommandContext): void {
  const bench = program.command('bench').description('measure Toolsmith on your own data');
  bench
    .command('retrieval')
    .description('index a catalog of manifests (nothing is run) in a throwaway store and score how well search finds the labeled tool')
    .requiredOption('--catalog <file>', 'JSON lines: {"name", "description", "parameters"} per tool')
    .requiredOption('--queries <file>', 'JSON lines: {"query", "tool"}, tool being the name that should come first')
    .option('--json', 'print the figures as JSON')
    .action((opts: { catalog: string; queries: string; json?: boolean }) => {
      const json = opts.json === true;
      return context.execute(json, () => benchRetrievalCommand({ ...context, catalogFile: opts.catalog, queriesFile: opts.queries, json }));
    });
}

/** Reads JSON lines, each checked by `schema`; a bad line is a user error naming the file and line. */
async function readJsonLines<S extends z.ZodType>(file: string, schema: S, what: string): Promise<Array<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw userError('file_unreadable', `cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'check the path');
  }
  const out: Array<z.infer<S>> = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw userError('bench_input_invalid', `${where}: not JSON (${error instanceof Error ? error.message : String(error)})`, `write one JSON object per line in the ${what} file`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message);
      throw userError('bench_input_invalid', `${where}: ${problems.join('; ')}`, `each ${what} line needs ${what === 'catalog' ? '"name", "description" and optionally "parameters"' : '"query" and "tool"'}`);
    }
    out.push(parsed.data);
  }
  if (out.length === 0) throw userError('bench_input_invalid', `${file} has no ${what} lines`, `write one JSON object per line in the ${what} file`);
  return out;
}

export async function benchRetrievalCommand(options: BenchCommandContext & { catalogFile: string; queriesFile: string; json: boolean }): Promise<ExitCode> {
  const { config, output, signal, json } = options;
  // The store and word vectors load only when a benchmark runs.
  const { BenchmarkQuerySchema, BenchmarkToolSchema, benchmarkRetrieval, createSentenceEncoder, createWordVectorEmbedder } = await import('../../registry/index.ts');
  const catalog: BenchmarkTool[] = await readJsonLines(options.catalogFile, BenchmarkToolSchema, 'catalog');
  const queries = await readJsonLines(options.queriesFile, BenchmarkQuerySchema, 'queries');
  const embedder = createWordVectorEmbedder(config.cacheDir === undefined ? {} : { cacheDir: config.cacheDir });
  // Rows with and without the sentence encoder, unless it is turned off (TOOLSMITH_SENTENCE_ENCODER=off).
  const sentenceEncoder = config.sentenceEncoder === 'off' ? undefined : createSentenceEncoder();
  const result = await benchmarkRetrieval({ catalog, queries, embedder, ...(sentenceEncoder === undefined ? {} : { sentenceEncoder }), signal });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}, Node ${process.version}, load ${loadavg().map((value) => value.toFixed(2)).join(' ')}`;
  if (json) {
    output.stdout(`${JSON.stringify({ tools: result.tools, queries: queries.length, build: result.build, machine, rows: result.rows.map(jsonRow) }, null, 2)}\n`);
  } else {
    output.stdout(renderRows({ rows: result.rows, tools: result.tools, queries: queries.length, machine }));
  }
  return EXIT_CODES.ok;
}

function jsonRow(row: RetrievalBenchmarkRow) {
  const { report } = row;
  return {
    method: row.method,
    embedder: row.embedderId,
    sentenceEncoder: row.sentenceEncoderId,
    default: row.isDefault,
    top1: report.top1,
    recallAt5: report.recallAt5,
    mrr: report.mrr,
    latencyP50Ms: report.latencyP50Ms,
    latencyP95Ms: report.latencyP95Ms,
  };
}

function renderRows(options: { rows: RetrievalBenchmarkRow[]; tools: number; queries: number; machine: string }): string {
  const header = ['METHOD', 'VECTORS', 'TOP-1', 'RECALL@5', 'MRR', 'P50 MS', 'P95 MS'];
  const body = options.rows.map((row) => [
    `${row.method}${row.sentenceEncoderId !== null && row.method !== 'sentence' ? ' + sentence' : ''}${row.isDefault ? ' (default)' : ''}`,
    [row.embedderId, row.sentenceEncoderId].filter((id) => id !== null).join(' + ') || '- (words only)',
    row.report.top1.toFixed(3),
    row.report.recallAt5.toFixed(3),
    row.report.mrr.toFixed(3),
    row.report.latencyP50Ms.toFixed(2),
    row.report.latencyP95Ms.toFixed(2),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [
    `${options.tools} tools, ${options.queries} queries; registry search path (pgvector top 50 per vector kind ∪ full text top 50, re-scored); latency per search`,
    `machine: ${options.machine}`,
    '',
    line(header),
    ...body.map(line),
    '',
  ].join('\n');
}
