import type { Model, ModelCallRecord } from '../models/index.ts';
import type { ToolManifest } from '../tool-package/index.ts';
import { answerTemplate, type CallResult } from './answer-template.ts';
import { ANSWER_PURPOSE, answerPrompt } from './prompts/answer-prompt.ts';

/**
 * The reply to the user after a tool call: phrased by the model (purpose `answer`) when one is
 * configured, else `answerTemplate`'s plain line.
 *
 * @example
 * const { text } = await generateAnswer({ request, manifest, args, result: { ok: true, value: 45 } });
 */
export async function generateAnswer(options: {
  model?: Model;
  request: string;
  manifest: ToolManifest;
  args: Record<string, unknown>;
  result: CallResult;
  signal?: AbortSignal;
  onCall?: (record: ModelCallRecord) => void;
}): Promise<{ text: string; how: 'template' | 'model' }> {
  const { model, request, manifest, args, result, signal, onCall } = options;
  if (model === undefined) return { text: answerTemplate({ tool: manifest.name, args, result }), how: 'template' };
  const { system, prompt } = answerPrompt({ request, manifest, args, outcome: result });
  const { text } = await model.generateText({
    purpose: ANSWER_PURPOSE,
    system,
    prompt,
    ...(signal === undefined ? {} : { signal }),
    ...(onCall === undefined ? {} : { onCall }),
  });
  return { text: text.trim(), how: 'model' };
}
