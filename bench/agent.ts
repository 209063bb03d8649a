import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAgent, type AgentOutcome } from '../src/agent/index.ts';
import { loadConfig } from '../src/config.ts';
import { createSandbox } from '../src/sandbox/index.ts';
import { createScriptedModel, ModelScriptSchema } from '../src/testing/index.ts';
import { createToolsmith } from '../src/toolsmith.ts';
import { measure, printTable, type Summary } from './stats.ts';

const script = ModelScriptSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'demo', 'demo-script.json'), 'utf8')));

/**
 * The agent in a warm process on a fresh library: a reuse request with no model (targets: p50 < 50 ms),
 * and a synthesis with a zero-latency scripted model, i.e. the pipeline's own overhead (< 200 ms).
 */
export async function benchAgent(): Promise<void> {
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-bench-agent-'));
  const sandbox = createSandbox();
  const toolsmith = await createToolsmith(loadConfig({ TOOLSMITH_HOME: home }), { sandbox, agent: { answers: 'template' } });
  const rows: Summary[] = [];
  try {
    let last: AgentOutcome | undefined;
    const reuse = await measure('reuse: "What is 15 percent of 300?" (no model)', async () => {
      last = await toolsmith.agent.run({ request: 'What is 15 percent of 300?' });
      if (last.result !== 45) throw new Error(`unexpected result ${JSON.stringify(last.result)}`);
    }, { runs: 50, warmup: 5 });
    rows.push({ ...reuse, note: `${last?.modelCalls.length ?? 0} model calls, ${last?.tokens.input ?? 0}+${last?.tokens.output ?? 0} tokens` });

    const synthesis = await measure("synthesis: \"Reverse the string 'hello world'\" (0-latency scripted model)", async () => {
      const agent = createAgent({ registry: toolsmith.registry, sandbox, sessions: toolsmith.sessions, model: createScriptedModel(script), options: { answers: 'template' } });
      last = await agent.run({ request: "Reverse the string 'hello world'" });
      if (!last.synthesized || last.result !== 'dlrow olleh') throw new Error('synthesis did not give the expected tool');
      await toolsmith.registry.remove({ name: 'reverse_string' });
    }, { runs: 20, warmup: 3 });
    rows.push({ ...synthesis, note: `${last?.modelCalls.length ?? 0} model calls, ${last?.tokens.input ?? 0}+${last?.tokens.output ?? 0} tokens (scripted)` });
  } finally {
    await toolsmith.close();
    await rm(home, { recursive: true, force: true });
  }
  printTable('Agent, warm process (targets: reuse p50 < 50 ms; synthesis pipeline overhead < 200 ms)', rows);
}
