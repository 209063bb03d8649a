import type { z } from 'zod';
import { userError, ToolsmithError } from '../../errors.ts';
import type { SqlClient } from './sql-client.ts';

/** Validates caller input; a failure is the caller's (user error `code`). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, code: string, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message);
  throw userError(code, `invalid ${what}: ${problems.join('; ')}`, undefined, { problems });
}

export function toolNotFound(name: string): ToolsmithError {
  return userError('tool_not_found', `no tool named "${name}" in the library`, 'run `toolsmith tools list` to see the tools there are');
}

export function versionNotFound(name: string, version: string): ToolsmithError {
  return userError(
    'version_not_found',
    `tool "${name}" has no version ${version}`,
    `run \`toolsmith tools history ${name}\` to see its versions`,
  );
}

/** Locks the tool's row for the rest of the transaction; throws `tool_not_found` when absent. */
export async function lockTool(options: { tx: SqlClient; name: string }): Promise<{ currentVersion: string }> {
  const { rows } = await options.tx.query<{ current_version: string }>(
    'SELECT current_version FROM tools WHERE name = $1::text FOR UPDATE',
    [options.name],
  );
  const row = rows[0];
  if (row === undefined) throw toolNotFound(options.name);
  return { currentVersion: row.current_version };
}
