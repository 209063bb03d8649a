import { NoObjectGeneratedError, NoOutputGeneratedError, Output, generateText, jsonSchema, zodSchema, type LanguageModel, type LanguageModelUsage } from 'ai';
import type { DriverReply, DriverRequest, ModelDriver } from '../model-driver.ts';
import type { ModelUsage } from '../model-port.ts';
import { retryTransient, type RetrySettings } from '../retry-policy.ts';
import { classifyApiError, toModelError, TryTimedOut } from './classify-api-error.ts';

export interface AiSdkDriverOptions {
  id: string;
  languageModel: LanguageModel;
  baseURL: string;
  keyVariable: string;
  timeoutMs: number;
  retry?: RetrySettings;
}

/** A driver over any AI SDK language model: one retry policy (ours), one time limit per try. */
export function createAiSdkDriver(options: AiSdkDriverOptions): ModelDriver {
  return {
    id: options.id,
    async complete(request) {
      let tries = 0;
      try {
        return await retryTransient({
          run: (tryNumber) => {
            tries = tryNumber;
            return completeOnce(options, request);
          },
          classify: classifyApiError,
          ...(options.retry === undefined ? {} : { settings: options.retry }),
          ...(request.signal === undefined ? {} : { signal: request.signal }),
        });
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        throw toModelError({ error, modelId: options.id, keyVariable: options.keyVariable, baseURL: options.baseURL, tries });
      }
    },
  };
}

async function completeOnce(options: AiSdkDriverOptions, request: DriverRequest): Promise<DriverReply> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new TryTimedOut(options.timeoutMs)), options.timeoutMs);
  const signal = request.signal === undefined ? timeout.signal : AbortSignal.any([timeout.signal, request.signal]);
  // The schema goes to the provider as JSON Schema only; checking the reply is left to the
  // driven model so that every model, scripted ones included, fails and re-asks the same way.
  const schema = request.output === undefined ? undefined : await zodSchema(request.output.schema).jsonSchema;
  const output = schema === undefined || request.output === undefined
    ? undefined
    : Output.object({ schema: jsonSchema(schema), name: request.output.name });
  // OpenAI's strict mode rejects schemas with optional properties; fall back to plain JSON-schema mode for those.
  const strictJsonSchema = schema === undefined ? undefined : fitsStrictMode(schema);
  try {
    const result = await generateText({
      model: options.languageModel,
      ...(request.system === undefined ? {} : { instructions: request.system }),
      messages: request.messages,
      ...(output === undefined ? {} : { output }),
      ...(strictJsonSchema === undefined ? {} : { providerOptions: { openai: { strictJsonSchema }, openaiCompatible: { strictJsonSchema } } }),
      maxRetries: 0,
      abortSignal: signal,
    });
    const text = output === undefined ? result.text : JSON.stringify(result.output);
    return { text, usage: toUsage(result.usage) };
  } catch (error) {
    if (timeout.signal.aborted && !request.signal?.aborted) throw timeout.signal.reason;
    if (NoObjectGeneratedError.isInstance(error)) return { text: error.text ?? '', usage: toUsage(error.usage) };
    if (NoOutputGeneratedError.isInstance(error)) return { text: '', usage: { inputTokens: 0, outputTokens: 0 } };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Every object lists all its properties as required: what OpenAI-style strict mode accepts. */
function fitsStrictMode(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(fitsStrictMode);
  if (typeof schema !== 'object' || schema === null) return true;
  const node = schema as { properties?: Record<string, unknown>; required?: string[] };
  if (node.properties !== undefined) {
    const required = new Set(node.required ?? []);
    if (!Object.keys(node.properties).every((key) => required.has(key))) return false;
  }
  return Object.values(node).every(fitsStrictMode);
}

function toUsage(usage: LanguageModelUsage | undefined): ModelUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}
