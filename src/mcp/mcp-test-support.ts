/** Test support for the MCP suites: a temp library with the demo's scripted model and a tool that can hang. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config.ts';
import { createSandbox } from '../sandbox/index.ts';
import { createScriptedModel, ModelScriptSchema } from '../testing/index.ts';
import { createToolsmith, type Toolsmith } from '../toolsmith.ts';
import type { ToolPackage } from '../tool-package/index.ts';

export const DEMO_SCRIPT_PATH = path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json');
export const BIN_PATH = path.join(import.meta.dirname, '..', '..', 'bin', 'toolsmith.js');

/** Returns `n`, or never returns when `n` is negative: a call the sandbox must time out. */
export const spinPackage: ToolPackage = {
  manifest: {
    name: 'spin_number',
    description: 'Returns the number it is given (spins forever on a negative one).',
    parameters: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'], additionalProperties: false },
    returns: { type: 'number' },
    runtime: 'isolate',
    capabilities: {},
    version: '1.0.0',
  },
  source: 'export function spin_number({ n }: { n: number }): number {\n  while (n < 0) { /* spin */ }\n  return n;\n}\n',
  tests: "import { describe, it, expect } from 'vitest';\nimport { spin_number } from './tool';\n\ndescribe('spin_number', () => {\n  it('returns its number', () => {\n    expect(spin_number({ n: 3 })).toBe(3);\n  });\n});\n",
};

export interface TestLibrary {
  home: string;
  config: Config;
  toolsmith: Toolsmith;
  dispose(): Promise<void>;
}

/** A fresh library (starter tools plus `spin_number`) whose tool calls time out after `callTimeoutMs`. */
export async function openTestLibrary(options: { callTimeoutMs?: number } = {}): Promise<TestLibrary> {
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-mcp-'));
  const config = loadConfig({ TOOLSMITH_HOME: home });
  const script = ModelScriptSchema.parse(JSON.parse(readFileSync(DEMO_SCRIPT_PATH, 'utf8')));
  const toolsmith = await createToolsmith(config, {
    sandbox: createSandbox({ limits: { callTimeoutMs: options.callTimeoutMs ?? 10_000 } }),
    model: createScriptedModel({ ...script, id: 'scripted:demo-script.json' }),
    agent: { answers: 'template' },
  });
  await toolsmith.registry.add({ pkg: spinPackage });
  return {
    home,
    config,
    toolsmith,
    async dispose() {
      await toolsmith.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
