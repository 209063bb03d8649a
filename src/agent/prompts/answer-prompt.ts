import type { ModelPurpose } from '../../models/index.ts';
import type { ToolManifest } from '../../tool-package/index.ts';

/** The model purpose this prompt is sent under. */
export const ANSWER_PURPOSE: ModelPurpose = 'answer';

/**
 * Purpose `answer`: phrases the reply to the user from one tool call, when a model is configured
 * (without one, `answerTemplate` writes a plain answer). The reply is plain text: a short, direct
 * answer that states the result, keeps its numbers exact, and says nothing the result does not
 * support. A failed call is explained in one sentence with what to try instead.
 */
export function answerPrompt(options: {
  request: string;
  manifest: ToolManifest;
  args: Record<string, unknown>;
  outcome: { ok: true; value: unknown } | { ok: false; error: string };
}): { system: string; prompt: string } {
  const { request, manifest, args, outcome } = options;
  const system = [
    'You answer a user\'s request using the result of a tool that was just run for it.',
    'Reply in plain text, in one to three sentences: state the answer directly, copy numbers and values exactly from the result, and do not add facts the result does not contain.',
    'If the tool failed, say so briefly and suggest how the user could rephrase or what input is needed.',
  ].join('\n');
  const result = outcome.ok ? `Result:\n${clip(JSON.stringify(outcome.value, null, 2) ?? 'undefined', 4000)}` : `The tool failed:\n${outcome.error}`;
  const prompt = [
    `Request:\n${request}`,
    `Tool: ${manifest.name}: ${manifest.description}`,
    `Arguments:\n${JSON.stringify(args)}`,
    result,
  ].join('\n\n');
  return { system, prompt };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
