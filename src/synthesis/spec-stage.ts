import type { Model } from '../models/index.ts';
import { buildSpecPrompt, SPEC_PURPOSE, SPEC_SCHEMA_NAME, SPEC_SYSTEM_PROMPT, ToolSpecSchema, type ToolSpec } from './prompts/spec-prompt.ts';
import { chooseFreeName } from './unique-name.ts';

export interface SpecStageResult {
  spec: ToolSpec;
  /** The model's name when the library had it and the spec was renamed. */
  renamedFrom?: string;
}

/**
 * Asks for the spec as structured output. `ToolSpecSchema` holds the manifest rules, so a reply
 * that would not make a valid `tool.json` is re-asked by the model layer with the reason.
 */
export async function generateSpec(options: {
  model: Model;
  request: string;
  examples?: readonly string[] | undefined;
  nameTaken: (name: string) => boolean | Promise<boolean>;
  signal?: AbortSignal | undefined;
}): Promise<SpecStageResult> {
  const { model, request, examples, nameTaken, signal } = options;
  const { object } = await model.generateObject({
    purpose: SPEC_PURPOSE,
    schema: ToolSpecSchema,
    schemaName: SPEC_SCHEMA_NAME,
    system: SPEC_SYSTEM_PROMPT,
    prompt: buildSpecPrompt({ request, ...(examples === undefined ? {} : { examples }) }),
    ...(signal === undefined ? {} : { signal }),
  });
  const spec = ToolSpecSchema.parse(object);
  const name = await chooseFreeName(spec.name, nameTaken);
  if (name === spec.name) return { spec };
  // The docstring's examples call the function by name; the stages after this must see the new one.
  const rename = (text: string) => text.replace(new RegExp(`\\b${spec.name}\\b`, 'g'), name);
  return { spec: { ...spec, name, description: rename(spec.description), docstring: rename(spec.docstring) }, renamedFrom: spec.name };
}
