import path from 'node:path';
import { createAgent, createSessionStore, type Agent, type AgentOptions, type SessionStore } from './agent/index.ts';
import type { Config } from './config.ts';
import { createModel, type Model } from './models/index.ts';
import { createEmbedderFromConfig, createFileMarker, createRegistry, createSentenceEncoder, createWordVectorEmbedder, openToolStore, type Registry } from './registry/index.ts';
import type { SqlClient } from './registry/store/index.ts';
import type { Sandbox } from './sandbox/index.ts';

export interface Library {
  registry: Registry;
  sql: SqlClient;
  /** Starter tools imported by this open (0 unless the library was new). */
  imported: number;
  close(): Promise<void>;
}

/**
 * Opens the library the config names (embedded PGlite in `config.home`, or `DATABASE_URL`) with
 * its embedders, and imports the starter tools on first use.
 *
 * @example
 * const library = await openLibrary({ config, sandbox: createSandbox() });
 * try { console.log(await library.registry.list()); } finally { await library.close(); }
 */
export async function openLibrary(options: { config: Config; sandbox: Sandbox; signal?: AbortSignal }): Promise<Library> {
  const { config, sandbox, signal } = options;
  // Built before the store opens: a bad embedder setting fails without touching the database.
  const words = createWordVectorEmbedder(config.cacheDir === undefined ? {} : { cacheDir: config.cacheDir });
  const vectorEmbedder = createEmbedderFromConfig(config, { wordVectors: words });
  const { store, sql, close } = await openToolStore({ dataDir: config.home, ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }) });
  try {
    const registry = createRegistry({
      store,
      sandbox,
      embedder: words,
      vectorEmbedder,
      ...(config.sentenceEncoder === 'off' ? {} : { sentenceEncoder: createSentenceEncoder() }),
      indexCacheDir: path.join(config.home, 'index-cache'),
      starterMarker: createFileMarker({ path: path.join(config.home, 'starter-imported') }),
    });
    const { imported } = await registry.ensureStarterLibrary(signal === undefined ? {} : { signal });
    return { registry, sql, imported, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface ToolsmithOptions {
  /** Use this model instead of the one `config.model` names (tests pass a scripted one). */
  model?: Model;
  /** Default: `createSandbox()`. */
  sandbox?: Sandbox;
  agent?: AgentOptions;
  /** Where `scripted:FILE` is resolved from (default the working directory). */
  cwd?: string;
  signal?: AbortSignal;
}

export interface Toolsmith {
  agent: Agent;
  registry: Registry;
  sessions: SessionStore;
  /** The configured model, if any. */
  model?: Model;
  /** Starter tools imported on this start (0 unless the library was new). */
  starterImported: number;
  close(): Promise<void>;
}

/**
 * Builds everything from the config, once, at the edge: model (`TOOLSMITH_MODEL`, or none),
 * store, embedders, sandbox, session memory and the agent over them.
 *
 * @example
 * const toolsmith = await createToolsmith(await loadConfigWithDotEnv({ cwd: process.cwd() }));
 * try { console.log((await toolsmith.agent.run({ request: 'What is 15 percent of 300?' })).answer); }
 * finally { await toolsmith.close(); }
 */
export async function createToolsmith(config: Config, options: ToolsmithOptions = {}): Promise<Toolsmith> {
  // The model first: a bad TOOLSMITH_MODEL or a missing key fails before the database is touched.
  const model = options.model ?? (config.model === undefined ? undefined : await createModel({
    spec: config.model,
    env: { ...config.modelEnv, ...(config.openaiApiKey === undefined ? {} : { OPENAI_API_KEY: config.openaiApiKey }) },
    cwd: options.cwd ?? process.cwd(),
  }));
  // Loaded only when no sandbox is given: the CLI passes a lazy one so `--help` never loads isolated-vm.
  const sandbox = options.sandbox ?? (await import('./sandbox/index.ts')).createSandbox();
  const library = await openLibrary({ config, sandbox, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  const sessions = createSessionStore({ sql: library.sql });
  const agent = createAgent({ registry: library.registry, sandbox, sessions, ...(model === undefined ? {} : { model }), ...(options.agent === undefined ? {} : { options: options.agent }) });
  return {
    agent,
    registry: library.registry,
    sessions,
    ...(model === undefined ? {} : { model }),
    starterImported: library.imported,
    close: library.close,
  };
}
