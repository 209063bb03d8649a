/**
 * `node --no-node-snapshot bench/tool-choice.ts [--verbose]`: the agent's tool choice, with no model, on
 * requests that carry values (`starter/requests-with-values.jsonl`) and on the starter retrieval
 * queries: the share that pick the right tool, that are answered without a model (reuse/check),
 * and that are answered with a wrong tool.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureToolChoice, parseLabeledRequests, type ToolChoiceReport } from '../src/agent/tool-choice-benchmark.ts';
import { loadConfig } from '../src/config.ts';
import { createSandbox } from '../src/sandbox/index.ts';
import { openLibrary } from '../src/toolsmith.ts';

const STARTER = path.join(import.meta.dirname, '..', 'starter');

function line(label: string, report: ToolChoiceReport): string {
  const share = (n: number) => `${((100 * n) / report.requests).toFixed(1)}%`;
  return `${label}: n=${report.requests} right tool ${share(report.rightTool)} · answered (reuse/check) ${share(report.answered)} · answered right ${share(report.answeredRight)} · answered WRONG ${share(report.answeredWrong)}`;
}

export async function benchToolChoice(options: { verbose?: boolean } = {}): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-bench-choice-'));
  const library = await openLibrary({ config: loadConfig({ TOOLSMITH_HOME: home }), sandbox: createSandbox() });
  try {
    const withValues = parseLabeledRequests(await readFile(path.join(STARTER, 'requests-with-values.jsonl'), 'utf8'));
    const starter = parseLabeledRequests(
      (await readFile(path.join(STARTER, 'queries.jsonl'), 'utf8'))
        .split('\n')
        .filter((text) => text.trim() !== '')
        .map((text) => {
          const { query, tool } = JSON.parse(text) as { query: string; tool: string };
          return JSON.stringify({ request: query, tool });
        })
        .join('\n'),
    );
    for (const [label, requests] of [['requests with values', withValues], ['starter queries', starter]] as const) {
      const report = await measureToolChoice({ registry: library.registry, requests });
      console.log(line(label, report));
      if (options.verbose === true) {
        for (const row of report.rows) {
          const mark = row.top === row.expected ? (row.decision === 'synthesize' ? '·' : '✓') : row.decision === 'synthesize' ? '-' : '✗';
          console.log(`  ${mark} ${row.decision.padEnd(10)} ${row.similarity.toFixed(2)} ${row.runnerUp.toFixed(2)} ${(row.top ?? '').padEnd(22)} want ${row.expected.padEnd(22)} ${JSON.stringify(row.request)}`);
        }
      }
    }
  } finally {
    await library.close();
    await rm(home, { recursive: true, force: true });
  }
}

if (import.meta.main) await benchToolChoice({ verbose: process.argv.includes('--verbose') });
