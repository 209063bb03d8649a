import { describeError, ToolsmithError } from '../errors.ts';
import { withCallLog } from '../models/index.ts';
import type { ToolRecord } from '../registry/index.ts';
import { requestAborted } from './abort-request.ts';
import type { AgentOptions, AgentRequest, CreateAgentOptions } from './agent-port.ts';
import type { CallResult } from './answer-template.ts';
import { bindCallArguments } from './bind-call-arguments.ts';
import { callTool, type Emit } from './call-tool.ts';
import { chooseTool } from './choose-tool.ts';
import { detectIntent } from './detect-intent.ts';
import type { AgentError } from './events.ts';
import { generateAnswer } from './generate-answer.ts';
import { loadContext, type RequestContext } from './load-context.ts';
import { synthesisNeedsModel } from './model-required.ts';
import { synthesizeAndRegister } from './synthesize-and-register.ts';

const DEFAULT_CONTEXT_WINDOW = 12;

/**
 * One request, start to end, as events: context → intent → search and decision (or synthesis and
 * registration) → arguments → execution → answer. Never throws: a failure is the last event.
 */
export async function handleRequest(deps: CreateAgentOptions, call: AgentRequest, emit: Emit): Promise<void> {
  const { registry, sandbox, sessions } = deps;
  const options: AgentOptions = { ...deps.options, ...call.synthesis };
  const { request, signal } = call;
  const optionalSignal = signal === undefined ? {} : { signal };
  // Every model reply of this request becomes a `model-called` event, so the outcome can count them.
  const model = deps.model === undefined ? undefined : withCallLog({ model: deps.model, onCall: (record) => emit({ type: 'model-called', ...record }) });
  const withModel = model === undefined ? {} : { model };
  let context: RequestContext | undefined;

  emit({ type: 'request-received', request, ...(call.sessionId === undefined ? {} : { sessionId: call.sessionId }) });
  try {
    context = await loadContext({ sessions, request, window: options.contextWindow ?? DEFAULT_CONTEXT_WINDOW, ...(call.sessionId === undefined ? {} : { sessionId: call.sessionId }) });
    emit({ type: 'context-loaded', sessionId: context.sessionId, messages: context.recent.length, hasPreviousResult: context.previousResult !== undefined });

    const intent = detectIntent({ request });
    emit({ type: 'intent-detected', intent: intent.intent, ...(intent.intent === 'create' ? { description: intent.description } : {}) });

    const synthesize = async (what: string, nearest?: string): Promise<{ record: ToolRecord; reason?: string }> => {
      if (model === undefined) throw synthesisNeedsModel({ request, ...(nearest === undefined ? {} : { nearest }) });
      const made = await synthesizeAndRegister({
        model, sandbox, registry, request: what, ...optionalSignal,
        ...(options.repairAttempts === undefined ? {} : { repairAttempts: options.repairAttempts }),
        ...(options.sequential === undefined ? {} : { sequential: options.sequential }),
        ...(options.synthesisLimits === undefined ? {} : { limits: options.synthesisLimits }),
        onEvent: (event) => emit({ type: 'synthesis', event }),
      });
      const { name, version, status } = made.record;
      emit({ type: 'tool-registered', name, version, status, ...(made.reason === undefined ? {} : { reason: made.reason }) });
      return made;
    };

    if (intent.intent === 'create') {
      // "Create a tool that …" asks for the tool, not for a call of it.
      const { record, reason } = await synthesize(intent.description);
      const text = `Created ${record.name} ${record.version}: ${record.manifest.description}${experimentalNote(record, reason)}`;
      await finish(text, 'template');
      return;
    }

    const choice = await chooseTool({ registry, request, ...optionalSignal, ...(context.previousResult === undefined ? {} : { previousResult: context.previousResult }) });
    emit({
      type: 'search-completed',
      hits: choice.hits,
      band: choice.band,
      decision: choice.decision,
      ...(choice.decision === 'synthesize' ? {} : { tool: choice.record.name }),
    });
    const { record, reason } = choice.decision === 'synthesize' ? await synthesize(request, choice.hits[0]?.name) : { record: choice.record, reason: undefined };

    const binding = choice.decision === 'check' ? choice.binding : await bindCallArguments({ request, manifest: record.manifest, context, ...withModel, ...optionalSignal });
    const { args, outcome } = await callTool({ registry, record, binding, request, context, ...withModel, ...optionalSignal, emit });
    await sessions.appendMessage({
      sessionId: context.sessionId,
      message: {
        role: 'tool',
        content: outcome.ok ? JSON.stringify(outcome.value) ?? 'undefined' : `failed: ${outcome.error.message}`,
        toolName: record.name,
        toolVersion: record.version,
        arguments: args,
        ...(outcome.ok ? { result: outcome.value ?? null } : {}),
      },
    });

    const result: CallResult = outcome.ok ? { ok: true, value: outcome.value } : { ok: false, error: outcome.error.message };
    const answerModel = options.answers === 'template' ? {} : withModel;
    const answer = await generateAnswer({ request, manifest: record.manifest, args, result, ...answerModel, ...optionalSignal });
    await finish(`${answer.text}${experimentalNote(record, reason)}`, answer.how);
  } catch (error) {
    const failure = agentErrorOf(signal?.aborted === true ? requestAborted(signal.reason) : error);
    if (context !== undefined) {
      // Best effort: the session should show the request failed, but a broken store must not hide why.
      await sessions.appendMessage({ sessionId: context.sessionId, message: { role: 'assistant', content: `Failed: ${failure.message}` } }).catch(() => {});
    }
    emit({ type: 'request-failed', error: failure });
  }

  async function finish(text: string, how: 'template' | 'model'): Promise<void> {
    if (context !== undefined) await sessions.appendMessage({ sessionId: context.sessionId, message: { role: 'assistant', content: text } });
    emit({ type: 'answer-generated', text, how });
  }
}

/** An experimental tool is never used silently: the answer says so. */
function experimentalNote(record: ToolRecord, reason: string | undefined): string {
  if (record.status !== 'experimental') return '';
  const why = reason ?? record.statusReason ?? 'its tests did not all pass';
  return `\nNote: ${record.name} ${record.version} is experimental (${why}), so check this result.`;
}

function agentErrorOf(error: unknown): AgentError {
  if (ToolsmithError.isInstance(error)) {
    return { kind: error.kind, code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
  }
  return { kind: 'system', code: 'internal_error', message: describeError(error), hint: 'this is a bug; run again with TOOLSMITH_DEBUG=1 and report it' };
}
