import type { Model } from '../models/index.ts';
import type { Registry, ToolRecord } from '../registry/index.ts';
import type { CallOutcome } from '../sandbox/index.ts';
import { throwIfAborted } from './abort-request.ts';
import { rebindWithModel, type BindingHow } from './bind-call-arguments.ts';
import type { AgentEventBody } from './events.ts';
import type { RequestContext } from './load-context.ts';

export type Emit = (body: AgentEventBody) => void;

// What a tool says when it rejects its input, as opposed to failing on good input.
const INPUT_COMPLAINT = /\b(?:argument|parameter|input|invalid|must be|expected|required|missing|not an? (?:valid )?(?:number|string|date|list|array|object|integer))\b/i;

/**
 * Steps 5 (and a second try of 4): run the tool through the registry, which logs the execution. When
 * the tool rejects its input and a model is configured, the arguments are read again once by the
 * model, told what failed, and the tool runs again.
 */
export async function callTool(options: {
  registry: Registry;
  record: ToolRecord;
  binding: { args: Record<string, unknown>; how: BindingHow };
  request: string;
  context: RequestContext;
  model?: Model;
  signal?: AbortSignal;
  emit: Emit;
}): Promise<{ args: Record<string, unknown>; outcome: CallOutcome }> {
  const { registry, record, request, context, model, signal, emit } = options;
  const run = async (args: Record<string, unknown>, how: BindingHow) => {
    emit({ type: 'arguments-bound', tool: record.name, args, how });
    throwIfAborted(signal);
    const outcome = await registry.run({ name: record.name, args, ...(signal === undefined ? {} : { signal }) });
    emit({
      type: 'tool-executed',
      name: record.name,
      version: record.version,
      ok: outcome.ok,
      ...(outcome.ok ? { result: outcome.value } : { error: { code: outcome.error.code, message: outcome.error.message } }),
      durationMs: Math.max(0, outcome.durationMs),
    });
    return outcome;
  };

  const first = await run(options.binding.args, options.binding.how);
  const retry = !first.ok && model !== undefined && options.binding.how !== 'model' && first.error.code === 'tool_threw' && INPUT_COMPLAINT.test(first.error.message);
  if (first.ok || !retry) return { args: options.binding.args, outcome: first };
  const rebound = await rebindWithModel({
    model,
    request,
    manifest: record.manifest,
    context,
    partial: options.binding.args,
    reasons: [`calling ${record.name} with ${JSON.stringify(options.binding.args)} failed: ${first.error.message}`],
    ...(signal === undefined ? {} : { signal }),
  });
  return { args: rebound.args, outcome: await run(rebound.args, rebound.how) };
}
