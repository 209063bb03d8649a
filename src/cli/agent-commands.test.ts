import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentOutcomeSchema } from '../agent/index.ts';
import { spawnToolsmith, type CliResult } from './spawn-toolsmith.ts';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'toolsmith.js');
const homes: string[] = [];
// No model from the developer's shell or .env: these runs must not depend on one.
const baseEnv = async () => {
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-cli-agent-'));
  homes.push(home);
  return { TOOLSMITH_HOME: home, TOOLSMITH_MODEL: '', DATABASE_URL: '', TOOLSMITH_EMBEDDER: '' };
};

afterEach(async () => {
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

/** The CLI with `input` piped to stdin. */
function spawnWithInput(args: string[], input: string, env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-node-snapshot', bin, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('toolsmith demo, ask and chat', () => {
  it('runs the demo end to end, says the model is scripted, prints the three answers and exits 0', async () => {
    const result = await spawnToolsmith(['demo'], { env: await baseEnv() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/scripted/i);
    for (const answer of ['→ 45', 'dlrow olleh', 'nohtyP']) expect(result.stdout).toContain(answer);
    expect(result.stdout).toContain('All three answers are as expected.');
    expect(result.stderr).toContain('registered reverse_string 1.0.0 (verified)');
  }, 90_000);

  it('prints the whole outcome with ask --json, and progress on stderr', async () => {
    const result = await spawnToolsmith(['ask', 'What is 15 percent of 300?', '--json'], { env: await baseEnv() });
    expect(result.code, result.stderr).toBe(0);
    const outcome = AgentOutcomeSchema.parse(JSON.parse(result.stdout));
    expect(outcome).toMatchObject({ decision: 'reuse', result: 45, synthesized: false, modelCalls: [], tool: { name: 'percentage_of' } });
    expect(result.stderr).toContain('best percentage_of');
  }, 60_000);

  it('passes --sequential through: the implementation is written with the tests in view', async () => {
    const demo = JSON.parse(await readFile(path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json'), 'utf8')) as {
      calls: Array<{ purpose: string; match?: string }>;
    };
    // This implementation reply answers only a prompt that quotes the tests ("reverses a word").
    const calls = [
      ...demo.calls.map((call) => (call.purpose === 'implementation' ? { ...call, match: 'reverses a word' } : call)),
      { purpose: 'answer', reply: 'Reversed, it reads "dlrow olleh".' },
    ];
    const env = await baseEnv();
    const script = path.join(env.TOOLSMITH_HOME, 'script.json');
    await writeFile(script, JSON.stringify({ calls }));
    const request = "Reverse the string 'hello world'";
    const parallel = await spawnToolsmith(['ask', request], { env: { ...env, TOOLSMITH_MODEL: `scripted:${script}` } });
    expect(parallel.code).not.toBe(0);
    expect(parallel.stderr).toMatch(/implementation/);
    const sequential = await spawnToolsmith(['ask', request, '--sequential'], { env: { ...env, TOOLSMITH_MODEL: `scripted:${script}` } });
    expect(sequential.code, sequential.stderr).toBe(0);
    expect(sequential.stdout).toContain('dlrow olleh');
  }, 90_000);

  it('refuses a --repairs count that is not a small whole number, with exit 2', async () => {
    const result = await spawnToolsmith(['ask', 'What is 15 percent of 300?', '--repairs', 'many'], { env: await baseEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/repairs/);
  }, 30_000);

  it('fails ask for a new tool without a model, naming TOOLSMITH_MODEL, with exit 2', async () => {
    const result = await spawnToolsmith(['ask', "Convert 'sos' to morse code"], { env: await baseEnv() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: .*TOOLSMITH_MODEL/);
    expect(result.stderr).toMatch(/hint: .*openai-compatible/);
  }, 60_000);

  it('keeps one session across two piped chat turns, so "that" means the previous result', async () => {
    const env = await baseEnv();
    // The demo's spec, tests and implementation, plus two answers: with a model set, answers are the model's.
    const script = JSON.parse(await readFile(path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json'), 'utf8')) as { calls: object[] };
    script.calls.push({ purpose: 'answer', reply: 'first answer' }, { purpose: 'answer', reply: 'second answer' });
    const scriptFile = path.join(env.TOOLSMITH_HOME, 'chat-script.json');
    await writeFile(scriptFile, JSON.stringify(script));
    const input = "Reverse the string 'hello world'\nnow reverse that\n/session\n/exit\n";
    const result = await spawnWithInput(['chat'], input, { ...env, TOOLSMITH_MODEL: `scripted:${scriptFile}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual(['first answer', 'second answer', expect.stringMatching(/^[a-z0-9]{6,}$/)]);
    expect(result.stderr).toContain('registered reverse_string 1.0.0 (verified)');
    expect(result.stderr).toContain('running reverse_string {"s":"dlrow olleh"} (with the previous result)');
  }, 60_000);
});
