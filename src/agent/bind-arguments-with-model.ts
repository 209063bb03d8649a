import { z } from 'zod';
import type { Model, ModelCallRecord, ModelUsage } from '../models/index.ts';
import { checkAgainstSchema, type ToolManifest } from '../tool-package/index.ts';
import { ARGUMENTS_PURPOSE, ARGUMENTS_SCHEMA_NAME, type ArgumentsContext, argumentsPrompt } from './prompts/arguments-prompt.ts';

/**
 * Asks the model for the arguments of one call (purpose `arguments`) and returns them checked
 * against the tool's `parameters`. A reply that does not fit is asked for again once, with the
 * schema errors, by the model layer; a second bad reply throws `model_reply_invalid`.
 *
 * @example
 * const binding = bindArguments({ request, parameters: manifest.parameters });
 * const args = binding.status === 'bound'
 *   ? binding.args
 *   : (await bindArgumentsWithModel({ model, request, manifest, context: { partial: binding.partial, reasons: binding.reasons } })).args;
 */
export async function bindArgumentsWithModel(options: {
  model: Model;
  request: string;
  manifest: ToolManifest;
  context?: ArgumentsContext;
  signal?: AbortSignal;
  onCall?: (record: ModelCallRecord) => void;
}): Promise<{ args: Record<string, unknown>; usage: ModelUsage }> {
  const { model, request, manifest, context, signal, onCall } = options;
  const { system, prompt } = argumentsPrompt({ request, manifest, ...(context === undefined ? {} : { context }) });
  const { object, usage } = await model.generateObject({
    purpose: ARGUMENTS_PURPOSE,
    schema: argumentsSchema(manifest.parameters),
    schemaName: ARGUMENTS_SCHEMA_NAME,
    system,
    prompt,
    ...(signal === undefined ? {} : { signal }),
    ...(onCall === undefined ? {} : { onCall }),
  });
  return { args: object, usage };
}

/**
 * A zod schema for a tool's arguments. Its shape comes from the parameters JSON Schema where zod
 * can express it (so providers with structured output are told the shape); the exact check is
 * always ajv's, the same one `runTool` applies, so what passes here runs.
 */
export function argumentsSchema(parameters: ToolManifest['parameters']): z.ZodType<Record<string, unknown>> {
  const shape = shapeOf(parameters);
  return shape.superRefine((value, ctx) => {
    const check = checkAgainstSchema(parameters, value);
    if (!check.ok) for (const problem of check.problems) ctx.addIssue({ code: 'custom', message: problem });
  });
}

function shapeOf(parameters: ToolManifest['parameters']): z.ZodType<Record<string, unknown>> {
  const loose = z.record(z.string(), z.unknown());
  try {
    // Semi-experimental in zod: a schema it cannot convert falls back to "any object", still checked by ajv.
    const converted = z.fromJSONSchema(parameters as z.core.JSONSchema.JSONSchema);
    return converted as z.ZodType<Record<string, unknown>>;
  } catch {
    return loose;
  }
}
