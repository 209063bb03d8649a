import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeError, userError } from '../../errors.ts';
import { createDrivenModel } from '../driven-model.ts';
import type { Model } from '../model-port.ts';
import { ModelScriptSchema, type ModelScript } from './script-schema.ts';
import { createScriptedDriver } from './scripted-driver.ts';

/**
 * A model that answers from a script, for tests of Toolsmith and of your own setup. Replies go
 * through the same checks as a real model's, so a bad scripted reply fails (and re-asks) the same way.
 *
 * @example
 * const model = createScriptedModel({ calls: [{ purpose: 'answer', reply: 'olleh' }] });
 */
export function createScriptedModel(script: ModelScript & { id?: string }): Model {
  const parsed = ModelScriptSchema.safeParse({ calls: script.calls });
  if (!parsed.success) {
    throw userError('script_invalid', `The model script is invalid:\n${z.prettifyError(parsed.error)}`, 'fix the script entries named above');
  }
  return createDrivenModel({ driver: createScriptedDriver({ id: script.id ?? 'scripted:memory', script: parsed.data }) });
}

/** Reads `FILE` of `scripted:FILE`, relative to `cwd`. */
export async function loadScriptedModel(options: { file: string; cwd: string }): Promise<Model> {
  const file = path.resolve(options.cwd, options.file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw userError('script_not_found', `Cannot read the model script ${file}: ${describeError(error)}`, 'check the path in TOOLSMITH_MODEL=scripted:FILE (relative to the working directory)');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw userError('script_invalid', `The model script ${file} is not valid JSON: ${describeError(error)}`, 'fix the JSON syntax');
  }
  const parsed = ModelScriptSchema.safeParse(json);
  if (!parsed.success) {
    throw userError('script_invalid', `The model script ${file} is invalid:\n${z.prettifyError(parsed.error)}`, 'a script is {"calls": [{"purpose": "...", "match": "optional regex", "reply": "text" | {object}}]}');
  }
  return createDrivenModel({ driver: createScriptedDriver({ id: `scripted:${options.file}`, script: parsed.data }) });
}
