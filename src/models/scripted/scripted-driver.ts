import { ToolsmithError } from '../../errors.ts';
import type { DriverRequest, ModelDriver } from '../model-driver.ts';
import type { ModelScript } from './script-schema.ts';

/** Answers from a script: the first unused entry for the purpose whose `match` fits the prompt. */
export function createScriptedDriver(options: { id: string; script: ModelScript }): ModelDriver {
  const entries = options.script.calls.map((call) => ({
    ...call,
    pattern: call.match === undefined ? undefined : new RegExp(call.match, 'i'),
    used: false,
  }));

  return {
    id: options.id,
    async complete(request: DriverRequest) {
      request.signal?.throwIfAborted();
      const prompt = request.messages.filter((message) => message.role === 'user').map((message) => message.content).join('\n\n');
      const entry = entries.find((candidate) => !candidate.used && candidate.purpose === request.purpose && (candidate.pattern?.test(prompt) ?? true));
      if (entry === undefined) {
        const left = entries.filter((candidate) => !candidate.used && candidate.purpose === request.purpose).map((candidate) => candidate.match ?? '(any)');
        throw new ToolsmithError({
          kind: 'model',
          code: 'script_exhausted',
          message: left.length === 0
            ? `${options.id} has no reply left for a ${request.purpose} call.`
            : `${options.id} has no ${request.purpose} reply matching this prompt; unused ${request.purpose} entries match ${left.map((pattern) => JSON.stringify(pattern)).join(', ')}.`,
          hint: `add a {"purpose": "${request.purpose}", "reply": …} entry to the script`,
          details: { purpose: request.purpose, unusedMatches: left, prompt: prompt.slice(0, 500) },
        });
      }
      entry.used = true;
      const text = typeof entry.reply === 'string' ? entry.reply : JSON.stringify(entry.reply, null, 2);
      const input = (request.system?.length ?? 0) + request.messages.reduce((sum, message) => sum + message.content.length, 0);
      return { text, usage: { inputTokens: estimateTokens(input), outputTokens: estimateTokens(text.length) } };
    },
  };
}

/** About four characters a token: enough for reports to show where the tokens go. */
function estimateTokens(chars: number): number {
  return Math.ceil(chars / 4);
}
