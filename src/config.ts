import path from 'node:path';
import { z } from 'zod';
import { userError } from './errors.ts';
import { readDotEnv } from './models/read-dot-env.ts';

/** `word-vectors` (offline, the default) or `<provider>:<model>` for a provider embedder. */
const EMBEDDER_SPEC = /^(?:word-vectors|(?:openai|ollama|openai-compatible):\S+)$/;

/**
 * Everything Toolsmith reads from the environment, read in one place. Other modules take these
 * values as options; none of them touches `process.env`.
 */
export const ConfigSchema = z.object({
  /** Toolsmith's folder (embedded database, markers); `TOOLSMITH_HOME`, default `./.toolsmith`, resolved. */
  home: z.string().min(1),
  /** A Postgres server with pgvector (`DATABASE_URL`); unset means embedded PGlite in `home`. */
  databaseUrl: z.string().min(1).optional(),
  /** Where derived caches (compact word vectors) go (`TOOLSMITH_CACHE_DIR`). */
  cacheDir: z.string().min(1).optional(),
  /**
   * What embeds tools and queries for vector search (`TOOLSMITH_EMBEDDER`): `word-vectors` (default,
   * offline), `openai:<model>`, `ollama:<model>` or `openai-compatible:<model>`.
   */
  embedder: z
    .string()
    .regex(EMBEDDER_SPEC, 'TOOLSMITH_EMBEDDER must be "word-vectors", "openai:<model>", "ollama:<model>" or "openai-compatible:<model>"')
    .default('word-vectors'),
  /**
   * The offline sentence encoder fused into every search (`TOOLSMITH_SENTENCE_ENCODER`): `use-lite`
   * (default, the Universal Sentence Encoder lite shipped in npm) or `off` (word vectors and full
   * text only: faster, less apt to find a tool described in other words).
   */
  sentenceEncoder: z.enum(['use-lite', 'off'], { error: 'TOOLSMITH_SENTENCE_ENCODER must be "use-lite" or "off"' }).default('use-lite'),
  /** The provider embedder's endpoint (`TOOLSMITH_EMBEDDER_BASE_URL`), e.g. `http://127.0.0.1:11434/v1`. */
  embedderBaseUrl: z.url({ error: 'TOOLSMITH_EMBEDDER_BASE_URL must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  /** The provider embedder's key (`TOOLSMITH_EMBEDDER_API_KEY`); for `openai:` it falls back to `openaiApiKey`. */
  embedderApiKey: z.string().min(1).optional(),
  /** Shorter vectors from models that support it (`TOOLSMITH_EMBEDDER_DIMENSIONS`); part of the embedder id. */
  embedderDimensions: z.number().int().positive().optional(),
  /** `OPENAI_API_KEY`. */
  openaiApiKey: z.string().min(1).optional(),
  /**
   * The model that writes tools and reads ambiguous requests (`TOOLSMITH_MODEL`), `provider:model`:
   * `openai:gpt-4.1-mini`, `anthropic:…`, `openai-compatible:<model>`, `scripted:FILE`. Unset: none,
   * so only deterministic requests to existing tools are answered.
   */
  model: z.string().min(1).optional(),
  /** The other keys and base URLs a model reads (`ANTHROPIC_API_KEY`, `TOOLSMITH_MODEL_BASE_URL`, …); `OPENAI_API_KEY` is `openaiApiKey`. */
  modelEnv: z.record(z.string(), z.string()).optional(),
  /**
   * The bearer token `toolsmith serve` requires on every `/api` route (`TOOLSMITH_API_TOKEN`);
   * without one the server listens on loopback only.
   */
  apiToken: z.string().min(1).optional(),
  /** `TOOLSMITH_DEBUG=1`: stack traces in error reports. */
  debug: z.boolean(),
});
export type Config = z.infer<typeof ConfigSchema>;

const EnvSchema = z.object({
  TOOLSMITH_HOME: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  TOOLSMITH_CACHE_DIR: z.string().optional(),
  TOOLSMITH_EMBEDDER: z.string().optional(),
  TOOLSMITH_EMBEDDER_BASE_URL: z.string().optional(),
  TOOLSMITH_EMBEDDER_API_KEY: z.string().optional(),
  TOOLSMITH_EMBEDDER_DIMENSIONS: z.string().optional(),
  TOOLSMITH_SENTENCE_ENCODER: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  TOOLSMITH_MODEL: z.string().optional(),
  TOOLSMITH_DEBUG: z.string().optional(),
  TOOLSMITH_API_TOKEN: z.string().optional(),
});

/** What a model reads; `.env` may supply them too (see `loadConfigWithDotEnv`). */
const MODEL_VARIABLES = ['TOOLSMITH_MODEL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'TOOLSMITH_MODEL_BASE_URL', 'TOOLSMITH_MODEL_API_KEY'] as const;

/**
 * @example
 * const config = loadConfig();
 * const { store, close } = await openToolStore({ dataDir: config.home, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const vars = EnvSchema.parse(env);
  // An empty variable is treated as unset, as shells make `VAR= cmd` easy to write by accident.
  const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim());
  const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;
  const cacheDir = given(vars.TOOLSMITH_CACHE_DIR);
  const dimensions = given(vars.TOOLSMITH_EMBEDDER_DIMENSIONS);
  const result = ConfigSchema.safeParse({
    home: path.resolve(given(vars.TOOLSMITH_HOME) ?? './.toolsmith'),
    ...optional('databaseUrl', given(vars.DATABASE_URL)),
    ...optional('cacheDir', cacheDir === undefined ? undefined : path.resolve(cacheDir)),
    ...optional('embedder', given(vars.TOOLSMITH_EMBEDDER)),
    ...optional('sentenceEncoder', given(vars.TOOLSMITH_SENTENCE_ENCODER)),
    ...optional('embedderBaseUrl', given(vars.TOOLSMITH_EMBEDDER_BASE_URL)),
    ...optional('embedderApiKey', given(vars.TOOLSMITH_EMBEDDER_API_KEY)),
    // A non-number stays a string so the schema reports it by name.
    ...optional('embedderDimensions', dimensions === undefined ? undefined : /^\d+$/.test(dimensions) ? Number(dimensions) : dimensions),
    ...optional('openaiApiKey', given(vars.OPENAI_API_KEY)),
    ...optional('model', given(vars.TOOLSMITH_MODEL)),
    ...optional('modelEnv', modelEnvOf(env, given)),
    ...optional('apiToken', given(vars.TOOLSMITH_API_TOKEN)),
    debug: vars.TOOLSMITH_DEBUG === '1',
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw userError(
      'config_invalid',
      `invalid configuration: ${problems.join('; ')}`,
      'check TOOLSMITH_HOME, DATABASE_URL, TOOLSMITH_CACHE_DIR, TOOLSMITH_SENTENCE_ENCODER and the TOOLSMITH_EMBEDDER variables',
      { problems },
    );
  }
  return result.data;
}

/**
 * `loadConfig` over the process environment, with the model variables of `cwd/.env` filled in
 * where the environment leaves them unset (the environment wins).
 *
 * @example
 * const config = await loadConfigWithDotEnv({ cwd: process.cwd() });
 */
export async function loadConfigWithDotEnv(options: { cwd: string; env?: Record<string, string | undefined> }): Promise<Config> {
  const env = options.env ?? process.env;
  const dotEnv = await readDotEnv({ cwd: options.cwd });
  const fromFile = Object.fromEntries(MODEL_VARIABLES.flatMap((name) => (dotEnv[name] === undefined ? [] : [[name, dotEnv[name]]])));
  return loadConfig({ ...fromFile, ...definedOnly(env) });
}

function modelEnvOf(env: Record<string, string | undefined>, given: (value: string | undefined) => string | undefined): Record<string, string> | undefined {
  const entries = MODEL_VARIABLES.flatMap((name) => {
    const value = given(env[name]);
    // TOOLSMITH_MODEL is `model`; OPENAI_API_KEY is already `openaiApiKey`.
    return value === undefined || name === 'TOOLSMITH_MODEL' || name === 'OPENAI_API_KEY' ? [] : [[name, value] as const];
  });
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== ''));
}
