import path from 'node:path';
import { z } from 'zod';
import { userError } from './errors.ts';

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
  /** `TOOLSMITH_DEBUG=1`: stack traces in error reports. */
  debug: z.boolean(),
});
export type Config = z.infer<typeof ConfigSchema>;

const EnvSchema = z.object({
  TOOLSMITH_HOME: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  TOOLSMITH_CACHE_DIR: z.string().optional(),
  TOOLSMITH_DEBUG: z.string().optional(),
});

/**
 * @example
 * const config = loadConfig();
 * const { store, close } = await openToolStore({ dataDir: config.home, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const vars = EnvSchema.parse(env);
  // An empty variable is treated as unset, as shells make `VAR= cmd` easy to write by accident.
  const given = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);
  const databaseUrl = given(vars.DATABASE_URL);
  const cacheDir = given(vars.TOOLSMITH_CACHE_DIR);
  const result = ConfigSchema.safeParse({
    home: path.resolve(given(vars.TOOLSMITH_HOME) ?? './.toolsmith'),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(cacheDir === undefined ? {} : { cacheDir: path.resolve(cacheDir) }),
    debug: vars.TOOLSMITH_DEBUG === '1',
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw userError('config_invalid', `invalid configuration: ${problems.join('; ')}`, 'check TOOLSMITH_HOME, DATABASE_URL and TOOLSMITH_CACHE_DIR', { problems });
  }
  return result.data;
}
