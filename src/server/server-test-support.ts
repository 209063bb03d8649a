/** Test support for the server suites: a real Toolsmith on a temp home with the demo's scripted model. */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AgentEventSchema, type AgentEvent } from '../agent/index.ts';
import { loadConfig, type Config } from '../config.ts';
import type { Model } from '../models/index.ts';
import { createSandbox } from '../sandbox/index.ts';
import { createScriptedModel, ModelScriptSchema } from '../testing/index.ts';
import { createToolsmith, type Toolsmith } from '../toolsmith.ts';

const demoScript = ModelScriptSchema.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'demo', 'demo-script.json'), 'utf8')));

export interface TestToolsmith {
  toolsmith: Toolsmith;
  config: Config;
  dispose(): Promise<void>;
}

export async function openTestToolsmith(options: { env?: Record<string, string>; wrapModel?: (model: Model) => Model } = {}): Promise<TestToolsmith> {
  const { env = {}, wrapModel = (model: Model) => model } = options;
  const home = await mkdtemp(path.join(tmpdir(), 'toolsmith-server-'));
  const config = loadConfig({ TOOLSMITH_HOME: home, ...env });
  const toolsmith = await createToolsmith(config, { sandbox: createSandbox(), model: wrapModel(createScriptedModel({ ...demoScript, id: 'scripted:demo-script.json' })), agent: { answers: 'template' } });
  return {
    toolsmith,
    config,
    async dispose() {
      await toolsmith.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** The model, held before every call until `open()` (or the call's abort): a test can act while a request is surely mid-way. */
export function createModelGate(): { wrap: (model: Model) => Model; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  // A call whose signal aborts stops waiting, as a real provider's would.
  const held = (signal: AbortSignal | undefined) =>
    signal === undefined
      ? opened
      : Promise.race([opened, new Promise<never>((_, reject) => {
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        })]);
  const wrap = (model: Model): Model => ({
    id: model.id,
    async generateObject(options) {
      await held(options.signal);
      return model.generateObject(options);
    },
    async generateText(options) {
      await held(options.signal);
      return model.generateText(options);
    },
  });
  return { wrap, open: () => open() };
}

export interface SseMessage {
  id: number;
  event: AgentEvent;
}

/** Parses a whole `text/event-stream` body: one AgentEvent per message, each with its id. */
export function parseSse(text: string): SseMessage[] {
  return text
    .split(/\n\n+/)
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const fields = block.split('\n');
      const id = fields.find((line) => line.startsWith('id:'))?.slice(3).trim();
      const data = fields.filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n');
      return { id: Number(id), event: AgentEventSchema.parse(JSON.parse(data)) };
    });
}
