import { readFile } from 'node:fs/promises';
import { describeParameters, exampleArguments } from '../tool-package/index.ts';
import { describeError, userError } from '../errors.ts';
import type { ToolPackage } from '../tool-package/index.ts';

export interface ArgumentSources {
  /** `--args`: JSON text. */
  args?: string | undefined;
  /** `--args-file`: a path to a JSON file. */
  argsFile?: string | undefined;
}

/**
 * Reads the tool's arguments from exactly one of `--args` or `--args-file`. Neither is allowed
 * only when the tool has no required parameters, so a forgotten flag is never a silent `{}`.
 * Validation against the schema happens later, in `runTool`.
 */
export async function readArguments(pkg: ToolPackage, sources: ArgumentSources): Promise<unknown> {
  const example = `--args '${JSON.stringify(exampleArguments(pkg.manifest.parameters))}'`;
  if (sources.args !== undefined && sources.argsFile !== undefined) {
    throw userError('usage_invalid', 'pass either --args or --args-file, not both', `use one of them, for example ${example}`);
  }
  if (sources.args !== undefined) return parseJson(sources.args, '--args', pkg, example);
  if (sources.argsFile !== undefined) {
    let text: string;
    try {
      text = await readFile(sources.argsFile, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describeError(error);
      throw userError('args_file_unreadable', `cannot read --args-file ${sources.argsFile}: ${reason}`, 'point --args-file to a file holding one JSON object');
    }
    return parseJson(text, sources.argsFile, pkg, example);
  }
  if ((pkg.manifest.parameters.required ?? []).length > 0) {
    throw userError('arguments_missing', `${pkg.manifest.name} needs arguments: pass --args or --args-file`, takesHint(pkg, example));
  }
  return {};
}

function parseJson(text: string, source: string, pkg: ToolPackage, example: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw userError('arguments_not_json', `${source} is not valid JSON: ${describeError(error)}`, takesHint(pkg, example));
  }
}

function takesHint(pkg: ToolPackage, example: string): string {
  return `${pkg.manifest.name} takes ${describeParameters(pkg.manifest.parameters)}; pass ${example}`;
}
