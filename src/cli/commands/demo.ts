import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AgentOutcome } from '../../agent/index.ts';
import type { Config } from '../../config.ts';
import { describeError } from '../../errors.ts';
import type { Sandbox } from '../../sandbox/index.ts';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';
import { progressTo } from './ask.ts';

const SCRIPT = fileURLToPath(new URL('../../../demo/demo-script.json', import.meta.url));

interface Example {
  request: string;
  expected: unknown;
  /** What a correct run does, checked along with the result. */
  check: (outcome: AgentOutcome) => string | undefined;
}

const EXAMPLES: Example[] = [
  {
    request: 'What is 15 percent of 300?',
    expected: 45,
    check: (o) => (o.decision === 'reuse' && o.tool.name === 'percentage_of' && o.modelCalls.length === 0 ? undefined : 'expected a reuse of percentage_of with no model calls'),
  },
  {
    request: "Reverse the string 'hello world'",
    expected: 'dlrow olleh',
    check: (o) => (o.synthesized && o.tool.status === 'verified' ? undefined : 'expected a new verified tool'),
  },
  {
    request: "Reverse 'Python'",
    expected: 'nohtyP',
    check: (o) => (!o.synthesized && o.decision !== 'synthesize' ? undefined : 'expected the new tool to be reused'),
  },
];

/**
 * `toolsmith demo`: the three reference requests end to end in a fresh library, with a bundled
 * scripted model standing in for the model and everything else real. Exit 0 only if all three
 * answers are the expected ones.
 */
export async function demoCommand(options: { config: Config; sandbox: Sandbox; output: Output; signal: AbortSignal; keep: boolean }): Promise<ExitCode> {
  const { sandbox, output, signal, keep } = options;
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-demo-'));
  // Offline and isolated whatever the environment says: a fresh embedded library, the word-vector embedder.
  const { databaseUrl: _databaseUrl, model: _model, ...rest } = options.config;
  const config: Config = { ...rest, home, embedder: 'word-vectors' };
  output.stdout(
    `Toolsmith demo. The model is SCRIPTED: its replies come from ${path.relative(process.cwd(), SCRIPT) || SCRIPT}, and nothing is sent to a model provider.\n` +
      `Everything else is real: a fresh tool library in ${home}, search, the sandbox and the tests.\n\n`,
  );
  let passed = 0;
  try {
    const [{ createToolsmith }, { createModel }] = await Promise.all([import('../../toolsmith.ts'), import('../../models/index.ts')]);
    const model = await createModel({ spec: `scripted:${SCRIPT}`, cwd: process.cwd() });
    const toolsmith = await createToolsmith(config, { model, sandbox, signal, agent: { answers: 'template' } });
    try {
      let sessionId: string | undefined;
      for (const [index, example] of EXAMPLES.entries()) {
        output.stdout(`${index + 1}. ${example.request}\n`);
        const started = performance.now();
        const verdict = await runExample(example, async () => {
          const outcome = await toolsmith.agent.run({ request: example.request, signal, onEvent: progressTo(output), ...(sessionId === undefined ? {} : { sessionId }) });
          sessionId = outcome.sessionId;
          return outcome;
        });
        const ms = Math.round(performance.now() - started);
        if (verdict.outcome !== undefined) {
          const o = verdict.outcome;
          output.stdout(`   ${o.answer}\n   (${o.synthesized ? `wrote ${o.tool.name} ${o.tool.version}` : `${o.decision === 'check' ? 'checked and reused' : 'reused'} ${o.tool.name}`}; ${o.modelCalls.length} model calls; ${ms} ms)\n`);
        }
        if (verdict.problem === undefined) passed++;
        output.stdout(verdict.problem === undefined ? '   ok\n\n' : `   NOT AS EXPECTED: ${verdict.problem}\n\n`);
        if (signal.aborted) break;
      }
    } finally {
      await toolsmith.close();
    }
  } finally {
    if (keep) output.stdout(`The demo library is kept in ${home} (TOOLSMITH_HOME=${home} toolsmith tools list).\n`);
    else await rm(home, { recursive: true, force: true });
  }
  output.stdout(passed === EXAMPLES.length ? 'All three answers are as expected.\n' : `${passed} of ${EXAMPLES.length} answers are as expected.\n`);
  if (signal.aborted) return EXIT_CODES.interrupted;
  return passed === EXAMPLES.length ? EXIT_CODES.ok : EXIT_CODES.failed;
}

async function runExample(example: Example, run: () => Promise<AgentOutcome>): Promise<{ outcome?: AgentOutcome; problem?: string }> {
  let outcome: AgentOutcome;
  try {
    outcome = await run();
  } catch (error) {
    return { problem: `the request failed: ${describeError(error)}` };
  }
  if (JSON.stringify(outcome.result) !== JSON.stringify(example.expected)) {
    return { outcome, problem: `expected ${JSON.stringify(example.expected)}, got ${JSON.stringify(outcome.result)}` };
  }
  const problem = example.check(outcome);
  return problem === undefined ? { outcome } : { outcome, problem };
}
