import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorLines, makePackage, spawnToolsmith } from './spawn-toolsmith.ts';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'toolsmith.js');

interface ServerRecord {
  pid: number;
  url: string;
}

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const shoutTests = "import { expect, it } from 'vitest';\nimport { shout } from './tool.ts';\nit('shouts', () => expect(shout({ text: 'hi' })).toBe('HI!'));\n";
const shoutManifest = {
  name: 'shout',
  description: 'Turns text into upper case with an exclamation mark.',
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
  returns: { type: 'string' },
};
const shoutSource = "export function shout({ text }: { text: string }): string {\n  return `${text.toUpperCase()}!`;\n}\n";

describe('CLI commands while `toolsmith serve` holds the library', () => {
  let home: string;
  let env: Record<string, string>;
  let server: ChildProcess;
  let serverLog = '';
  let record: ServerRecord;
  const cli = (args: string[]) => spawnToolsmith(args, { env });

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'toolsmith-forward-'));
    // The demo's model calls, with the implementation answering only a prompt that quotes the tests:
    // a synthesis through the server succeeds only if `--sequential` reached it.
    const demo = JSON.parse(await readFile(path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json'), 'utf8')) as { calls: Array<{ purpose: string; match?: string }> };
    const calls = [...demo.calls.map((call) => (call.purpose === 'implementation' ? { ...call, match: 'reverses a word' } : call)), { purpose: 'answer', reply: 'Reversed, it reads "dlrow olleh".' }];
    const script = path.join(home, 'script.json');
    await writeFile(script, JSON.stringify({ calls }));
    env = { TOOLSMITH_HOME: home, TOOLSMITH_MODEL: `scripted:${script}`, DATABASE_URL: '', TOOLSMITH_API_TOKEN: '', TOOLSMITH_EMBEDDER: '' };
    server = spawn(process.execPath, ['--no-node-snapshot', bin, 'serve', '--port', '0'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr?.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
    record = await waitFor(async () => {
      if (server.exitCode !== null) throw new Error(`the server exited: ${serverLog}`);
      return readFile(path.join(home, 'server.json'), 'utf8').then((text) => JSON.parse(text) as ServerRecord, () => undefined);
    }, 'server.json');
  }, 90_000);

  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGINT');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await rm(home, { recursive: true, force: true });
  });

  it('announces itself in the data folder with its pid and a loopback URL', () => {
    expect(record).toMatchObject({ pid: server.pid, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), auth: 'none' });
  });

  it('lists, searches and runs tools through the server, which records the execution', async () => {
    const list = await cli(['tools', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).toContain(`Using the Toolsmith server at ${record.url} (process ${record.pid})`);
    const tools = JSON.parse(list.stdout) as Array<{ name: string; stats: { uses: number } }>;
    expect(tools.length).toBe(26);

    const search = await cli(['tools', 'search', 'convert kilometers to miles', '-k', '3', '--json']);
    expect(JSON.parse(search.stdout)).toMatchObject({ hits: [{ name: 'convert_units' }, {}, {}] });

    const run = await cli(['tools', 'run', 'percentage_of', '--args', '{"percent":15,"value":300}']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('45');
    const show = JSON.parse((await cli(['tools', 'show', 'percentage_of', '--json'])).stdout) as { stats: { uses: number; successes: number } };
    expect(show.stats).toMatchObject({ uses: 1, successes: 1 });

    const bad = await cli(['tools', 'run', 'percentage_of', '--args', '{"percent":"many"}']);
    expect(bad.code).toBe(2);
    expect(errorLines({ ...bad, stderr: bad.stderr.split('\n').slice(1).join('\n') }).error).toMatch(/^error: .*percent/);
  }, 60_000);

  it('adds, tests, versions, rolls back and removes a tool through the server, with the same exit codes', async () => {
    const dir = await makePackage({ manifest: shoutManifest, source: shoutSource, tests: shoutTests });
    const newer = await makePackage({ manifest: { ...shoutManifest, version: '1.1.0' }, source: shoutSource.replace('!', '!!'), tests: shoutTests.replace("'HI!'", "'HI!!'") });
    const failing = await makePackage({ manifest: { ...shoutManifest, name: 'shout_wrong' }, source: shoutSource.replace('shout', 'shout_wrong').replace('!', '?'), tests: shoutTests.replaceAll('shout', 'shout_wrong') });
    try {
      const added = await cli(['tools', 'add', dir]);
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('Added shout 1.0.0 as verified');
      expect((await cli(['tools', 'add', newer])).code).toBe(0);
      const tested = await cli(['tools', 'test', 'shout']);
      expect(tested.code, tested.stderr).toBe(0);
      expect(tested.stdout).toContain('1 passed');

      const history = JSON.parse((await cli(['tools', 'history', 'shout', '--json'])).stdout) as Array<{ version: string; isCurrent: boolean }>;
      expect(history.map((entry) => [entry.version, entry.isCurrent])).toEqual([['1.1.0', true], ['1.0.0', false]]);
      expect((await cli(['tools', 'rollback', 'shout', '--to', '1.0.0'])).code).toBe(0);
      expect((await cli(['tools', 'run', 'shout', '--args', '{"text":"hey"}'])).stdout.trim()).toBe('"HEY!"');
      const noVersion = await cli(['tools', 'rollback', 'shout', '--to', '9.9.9']);
      expect(noVersion.code).toBe(2);
      expect(noVersion.stderr).toContain('has no version 9.9.9');

      const refused = await cli(['tools', 'add', failing]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/error: shout_wrong was not added: .*expected 'HI\?'/);
      expect((await cli(['tools', 'show', 'shout_wrong'])).code).toBe(2);

      expect((await cli(['tools', 'rm', 'shout'])).code).toBe(0);
      const gone = await cli(['tools', 'show', 'shout']);
      expect(gone.code).toBe(2);
      expect(gone.stderr).toContain('no tool named "shout"');
    } finally {
      await Promise.all([dir, newer, failing].map((folder) => rm(folder, { recursive: true, force: true })));
    }
  }, 90_000);

  it('exports from the server and re-imports (re-verified by the server)', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'toolsmith-forward-export-'));
    try {
      const exported = await cli(['tools', 'export', 'slugify', '--out', out]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(existsSync(path.join(out, 'slugify', 'tool.ts'))).toBe(true);
      const imported = await cli(['tools', 'import', out]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toMatch(/skipped 1/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers ask through the server with progress on stderr, forwarding --sequential to its synthesis', async () => {
    const result = await cli(['ask', "Reverse the string 'hello world'", '--sequential', '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ synthesized: true, result: 'dlrow olleh', tool: { name: 'reverse_string', status: 'verified' } });
    expect(result.stderr).toContain('registered reverse_string 1.0.0 (verified)');
    const listed = JSON.parse((await cli(['tools', 'list', '--json'])).stdout) as Array<{ name: string }>;
    expect(listed.map((tool) => tool.name)).toContain('reverse_string');
  }, 90_000);

  it("relays `toolsmith mcp` on stdio to the server's MCP endpoint", async () => {
    const client = new Client({ name: 'forwarding-test', version: '1.0.0' });
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--no-node-snapshot', bin, 'mcp'], env: { ...(process.env as Record<string, string>), ...env }, stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['percentage_of', 'reverse_string', 'search_tools']));
      const called = await client.callTool({ name: 'percentage_of', arguments: { percent: 10, value: 50 } });
      expect(called.isError ?? false).toBe(false);
      expect(JSON.stringify(called.content)).toContain('5');
      expect(stderr).toContain(`Using the Toolsmith server at ${record.url}`);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('opens the library directly again once the server has stopped, and the server removed its record', async () => {
    server.kill('SIGINT');
    await new Promise((resolve) => server.once('exit', resolve));
    expect(existsSync(path.join(home, 'server.json'))).toBe(false);
    const list = await cli(['tools', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stderr).not.toContain('Using the Toolsmith server');
    expect((JSON.parse(list.stdout) as Array<{ name: string }>).map((tool) => tool.name)).toContain('reverse_string');
  }, 60_000);
});
