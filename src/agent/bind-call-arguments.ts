import type { Model } from '../models/index.ts';
import type { ToolManifest } from '../tool-package/index.ts';
import { bindArgumentsWithModel } from './bind-arguments-with-model.ts';
import { bindArguments } from './bind-arguments.ts';
import { exampleArguments } from '../tool-package/index.ts';
import type { RequestContext } from './load-context.ts';
import { argumentsUnreadable } from './model-required.ts';
import { resolveReferences } from './resolve-references.ts';

export type BindingHow = 'deterministic' | 'reference' | 'model';

export type DeterministicBinding =
  | { status: 'bound'; args: Record<string, unknown>; how: 'deterministic' | 'reference' }
  | { status: 'ambiguous'; partial: Record<string, unknown>; reasons: string[] };

/** References first ("reverse that" → the session's last result), then `bindArguments`. No model. */
export function bindDeterministically(options: { request: string; manifest: ToolManifest; previousResult?: { value: unknown } }): DeterministicBinding {
  const { request, manifest, previousResult } = options;
  const reference = resolveReferences({ request, ...(previousResult === undefined ? {} : { previousResult }) });
  const binding = bindArguments({
    request: reference.request,
    parameters: manifest.parameters,
    ...(reference.resolved ? { reference: { value: reference.value } } : {}),
  });
  if (binding.status === 'ambiguous') {
    const reasons = reference.resolved || reference.phrase === undefined ? binding.reasons : [...binding.reasons, `"${reference.phrase}" refers to an earlier result, but this session has none`];
    return { status: 'ambiguous', partial: binding.partial, reasons };
  }
  const how = Object.values(binding.sources).includes('reference') ? 'reference' : 'deterministic';
  return { status: 'bound', args: binding.args, how };
}

/**
 * Step 4: the call's arguments, checked against the tool's parameters. Deterministic binding first;
 * the model (purpose `arguments`) only when that is ambiguous and a model is configured; with no
 * model an ambiguous request fails with `arguments_unreadable`, saying how to rephrase or configure one.
 */
export async function bindCallArguments(options: {
  request: string;
  manifest: ToolManifest;
  context: RequestContext;
  model?: Model;
  signal?: AbortSignal;
}): Promise<{ args: Record<string, unknown>; how: BindingHow }> {
  const { request, manifest, context, model, signal } = options;
  const binding = bindDeterministically({ request, manifest, ...(context.previousResult === undefined ? {} : { previousResult: context.previousResult }) });
  if (binding.status === 'bound') return { args: binding.args, how: binding.how };
  if (model === undefined) {
    throw argumentsUnreadable({ tool: manifest.name, reasons: binding.reasons, example: `${manifest.name} takes ${JSON.stringify(exampleArguments(manifest.parameters))}` });
  }
  return rebindWithModel({ model, request, manifest, context, partial: binding.partial, reasons: binding.reasons, ...(signal === undefined ? {} : { signal }) });
}

/** Asks the model for the arguments, telling it what was found and why that was not enough. */
export async function rebindWithModel(options: {
  model: Model;
  request: string;
  manifest: ToolManifest;
  context: RequestContext;
  partial: Record<string, unknown>;
  reasons: readonly string[];
  signal?: AbortSignal;
}): Promise<{ args: Record<string, unknown>; how: 'model' }> {
  const { model, request, manifest, context, partial, reasons, signal } = options;
  const { args } = await bindArgumentsWithModel({
    model,
    request,
    manifest,
    context: {
      recent: context.recent,
      ...(context.previousResult === undefined ? {} : { previousResult: context.previousResult }),
      partial,
      reasons,
    },
    ...(signal === undefined ? {} : { signal }),
  });
  return { args, how: 'model' };
}
