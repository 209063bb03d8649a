import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { describeError, userError } from '../errors.ts';

/**
 * The variables in `cwd/.env`, or `{}` when there is none. Does not touch `process.env`: the
 * caller decides which wins (the environment should).
 *
 * @example
 * const env = { ...(await readDotEnv({ cwd })), ...process.env };
 */
export async function readDotEnv(options: { cwd: string; file?: string }): Promise<Record<string, string>> {
  const file = path.resolve(options.cwd, options.file ?? '.env');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw userError('dotenv_unreadable', `Cannot read ${file}: ${describeError(error)}`, 'fix the file\'s permissions or remove it');
  }
  return { ...parseEnv(text) } as Record<string, string>;
}
