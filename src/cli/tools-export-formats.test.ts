import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnToolsmith } from './spawn-toolsmith.ts';

interface Schema {
  type: string;
  properties: Record<string, unknown>;
}

/** percentage_of's parameters as the library stores them, to compare every format against. */
async function percentageOfParameters(env: Record<string, string>): Promise<Schema> {
  const shown = await spawnToolsmith(['tools', 'show', 'percentage_of', '--json'], { env });
  expect(shown.code).toBe(0);
  return (JSON.parse(shown.stdout) as { manifest: { parameters: Schema } }).manifest.parameters;
}

describe('toolsmith tools export --format (real CLI, temp home)', () => {
  let scratch: string;
  let env: Record<string, string>;
  let verified: number;
  let parameters: Schema;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'toolsmith-formats-'));
    env = { TOOLSMITH_HOME: path.join(scratch, 'home') };
    const listed = await spawnToolsmith(['tools', 'list', '--json'], { env });
    expect(listed.code).toBe(0);
    verified = (JSON.parse(listed.stdout) as Array<{ status: string }>).filter((tool) => tool.status === 'verified').length;
    expect(verified).toBeGreaterThan(0);
    parameters = await percentageOfParameters(env);
    expect(parameters).toMatchObject({ type: 'object' });
  }, 120_000);
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('prints OpenAI Chat Completions tools, one per verified tool, without strict', async () => {
    const result = await spawnToolsmith(['tools', 'export', '--format', 'openai'], { env });
    expect(result.code).toBe(0);
    const tools = JSON.parse(result.stdout) as Array<{ type: string; function: { name: string; description: string; parameters: unknown; strict?: unknown } }>;
    expect(tools).toHaveLength(verified);
    expect(tools.every((tool) => tool.type === 'function' && tool.function.description.length > 0 && !('strict' in tool.function))).toBe(true);
    expect(tools.find((tool) => tool.function.name === 'percentage_of')?.function.parameters).toEqual(parameters);
  }, 60_000);

  it('prints Anthropic tools with input_schema', async () => {
    const result = await spawnToolsmith(['tools', 'export', '--format', 'anthropic'], { env });
    expect(result.code).toBe(0);
    const tools = JSON.parse(result.stdout) as Array<{ name: string; description: string; input_schema: unknown }>;
    expect(tools).toHaveLength(verified);
    expect(tools.every((tool) => Object.keys(tool).sort().join() === 'description,input_schema,name')).toBe(true);
    expect(tools.find((tool) => tool.name === 'percentage_of')?.input_schema).toEqual(parameters);
  }, 60_000);

  it('writes an MCP tools/list body to --out, with outputSchema only for object results', async () => {
    const file = path.join(scratch, 'mcp-tools.json');
    const result = await spawnToolsmith(['tools', 'export', '--format', 'mcp', '--out', file], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote ${verified} mcp tool definitions to ${file}\n`);
    const document = JSON.parse(await readFile(file, 'utf8')) as { tools: Array<{ name: string; inputSchema: unknown; outputSchema?: { type: string } }> };
    expect(document.tools).toHaveLength(verified);
    expect(document.tools.find((tool) => tool.name === 'percentage_of')?.inputSchema).toEqual(parameters);
    const withOutput = document.tools.filter((tool) => tool.outputSchema !== undefined);
    expect(withOutput.length).toBeGreaterThan(0);
    expect(withOutput.every((tool) => tool.outputSchema?.type === 'object')).toBe(true);
  }, 60_000);

  it('exports only the named tools, and reports the file with --json', async () => {
    const file = path.join(scratch, 'two.json');
    const result = await spawnToolsmith(['tools', 'export', 'percentage_of', 'parse_csv', '--format', 'anthropic', '--out', file, '--json'], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ file, format: 'anthropic', tools: ['percentage_of', 'parse_csv'] });
    expect((JSON.parse(await readFile(file, 'utf8')) as Array<{ name: string }>).map((tool) => tool.name)).toEqual(['percentage_of', 'parse_csv']);
  }, 60_000);

  it('refuses an existing --out file without --force, leaving it as it was, and replaces it with --force', async () => {
    const file = path.join(scratch, 'taken.json');
    await writeFile(file, 'mine\n');
    const refused = await spawnToolsmith(['tools', 'export', '--format', 'openai', '--out', file], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: .*taken\.json already exists; nothing was written/);
    expect(await readFile(file, 'utf8')).toBe('mine\n');
    const forced = await spawnToolsmith(['tools', 'export', '--format', 'openai', '--out', file, '--force'], { env });
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8'))).toHaveLength(verified);
  }, 60_000);

  it('exits 2 on an unknown --format, naming the valid ones', async () => {
    const result = await spawnToolsmith(['tools', 'export', '--format', 'gemini'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'gemini' is invalid. Allowed choices are openai, anthropic, mcp.");
    expect(result.stdout).toBe('');
  }, 60_000);

  it('still needs --out for package folders when --format is absent', async () => {
    const result = await spawnToolsmith(['tools', 'export'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: tools export needs --out <dir>/);
  }, 60_000);
});
