import type { ChatMessage, DriverReply, DriverRequest, ModelDriver } from './model-driver.ts';
import { modelReplyInvalid } from './model-errors.ts';
import type { GenerateObjectOptions, GenerateTextOptions, Model, ModelCallRecord, ModelPurpose, ModelUsage } from './model-port.ts';
import { parseJsonReply } from './parse-json-reply.ts';
import { reaskPrompt } from './reask-prompt.ts';

/**
 * Builds a `Model` on a driver. Providers and the scripted model share this, so a structured reply
 * is parsed, checked and asked for again (once, with the error) the same way for every model.
 */
export function createDrivenModel(options: { driver: ModelDriver; now?: () => number }): Model {
  const { driver } = options;
  const now = options.now ?? (() => performance.now());

  async function complete(request: DriverRequest, attempt: number, onCall: ((record: ModelCallRecord) => void) | undefined): Promise<DriverReply> {
    const started = now();
    const reply = await driver.complete(request);
    onCall?.({ purpose: request.purpose, model: driver.id, durationMs: Math.round(now() - started), usage: reply.usage, attempt });
    return reply;
  }

  return {
    id: driver.id,

    async generateText(call: GenerateTextOptions) {
      const reply = await complete(requestFor(call, [{ role: 'user', content: call.prompt }]), 1, call.onCall);
      return { text: reply.text, usage: reply.usage };
    },

    async generateObject<T>(call: GenerateObjectOptions<T>) {
      const output = { schema: call.schema, name: call.schemaName };
      const messages: ChatMessage[] = [{ role: 'user', content: call.prompt }];
      const first = await complete({ ...requestFor(call, messages), output }, 1, call.onCall);
      const firstCheck = parseJsonReply({ text: first.text, schema: call.schema });
      if (firstCheck.ok) return { object: firstCheck.value, usage: first.usage };

      const followUp: ChatMessage[] = [
        ...messages,
        { role: 'assistant', content: first.text },
        { role: 'user', content: reaskPrompt({ schemaName: call.schemaName, error: firstCheck.error }) },
      ];
      const second = await complete({ ...requestFor(call, followUp), output }, 2, call.onCall);
      const usage = addUsage(first.usage, second.usage);
      const secondCheck = parseJsonReply({ text: second.text, schema: call.schema });
      if (secondCheck.ok) return { object: secondCheck.value, usage };
      throw modelReplyInvalid({
        message: `${driver.id} twice replied to the ${call.purpose} call with no valid \`${call.schemaName}\`. ${secondCheck.error}`,
        details: { purpose: call.purpose, model: driver.id, error: secondCheck.error, reply: second.text.slice(0, 2000) },
      });
    },
  };
}

function requestFor(call: { purpose: ModelPurpose; system?: string; signal?: AbortSignal }, messages: ChatMessage[]): DriverRequest {
  return {
    purpose: call.purpose,
    messages,
    ...(call.system === undefined ? {} : { system: call.system }),
    ...(call.signal === undefined ? {} : { signal: call.signal }),
  };
}

function addUsage(a: ModelUsage, b: ModelUsage): ModelUsage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}
