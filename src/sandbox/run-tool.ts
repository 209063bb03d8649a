import { userError } from '../errors.ts';
import { checkAgainstSchema, describeParameters, exampleArguments, type ToolPackage } from '../tool-package/index.ts';
import type { CallOutcome, Sandbox } from './types.ts';

/**
 * Calls a tool once with arguments checked against its manifest's `parameters` first, so bad
 * input is reported as the caller's mistake (`arguments_invalid`) and never reaches tool code.
 * A tool that throws or hits a limit is an outcome (`ok: false`), not an exception.
 *
 * @example
 * const outcome = await runTool({ sandbox, pkg, args: { s: 'hello' } });
 * if (outcome.ok) console.log(outcome.value); // "olleh"
 */
export async function runTool(options: { sandbox: Sandbox; pkg: ToolPackage; args: unknown; signal?: AbortSignal }): Promise<CallOutcome> {
  const { sandbox, pkg, args, signal } = options;
  checkArguments(pkg, args);
  return sandbox.call({ pkg, args, ...(signal === undefined ? {} : { signal }) });
}

/** Throws `arguments_invalid` listing every problem, with the expected parameters and an example. */
export function checkArguments(pkg: ToolPackage, args: unknown): void {
  const parameters = pkg.manifest.parameters;
  const problems =
    typeof args !== 'object' || args === null || Array.isArray(args)
      ? [`arguments: must be a JSON object, not ${args === null ? 'null' : Array.isArray(args) ? 'an array' : typeof args}`]
      : schemaProblems(parameters, args);
  if (problems.length === 0) return;
  throw userError(
    'arguments_invalid',
    `invalid arguments for ${pkg.manifest.name}: ${problems.join('; ')}`,
    argumentsHint(pkg),
    { problems },
  );
}

/** The hint shared by every argument mistake: what the tool takes and a call that would pass. */
export function argumentsHint(pkg: ToolPackage): string {
  const parameters = pkg.manifest.parameters;
  return `${pkg.manifest.name} takes ${describeParameters(parameters)}; for example ${JSON.stringify(exampleArguments(parameters))}`;
}

function schemaProblems(parameters: ToolPackage['manifest']['parameters'], args: object): string[] {
  const check = checkAgainstSchema(parameters, args);
  return check.ok ? [] : check.problems;
}
