import type { ModelPurpose } from '../../models/index.ts';
import type { ToolManifest } from '../../tool-package/index.ts';

/** The model purpose these prompts are sent under. */
export const ARGUMENTS_PURPOSE: ModelPurpose = 'arguments';
/** The name the reply's schema is sent under to providers that support named outputs. */
export const ARGUMENTS_SCHEMA_NAME = 'tool_arguments';

/** What the agent knows besides the request when it asks for arguments. All optional. */
export interface ArgumentsContext {
  /** The latest messages of the session, oldest first (the sliding window). */
  recent?: ReadonlyArray<{ role: 'user' | 'assistant' | 'tool'; content: string }>;
  /** The session's previous tool result, which "that" or "it" in the request may mean. */
  previousResult?: { value: unknown };
  /** What deterministic binding found, and why it was not enough. */
  partial?: Record<string, unknown>;
  reasons?: readonly string[];
}

/**
 * Purpose `arguments`: turns a request into the arguments object for one call of a chosen tool,
 * when `bindArguments` could not do it alone. The reply is the arguments object itself (no
 * wrapper), checked against the tool's `parameters`; a reply that fails is asked for again once
 * with the validation errors, by the model layer.
 *
 * The prompt gives the tool's name, description and full parameters schema, the request, and any
 * context: recent conversation, the previous result, and the partial binding with its reasons, so
 * the model resolves exactly what was ambiguous instead of starting over.
 */
export function argumentsPrompt(options: { request: string; manifest: ToolManifest; context?: ArgumentsContext }): { system: string; prompt: string } {
  const { request, manifest, context = {} } = options;
  const system = [
    'You fill in the arguments for one call of a tool, from a user request.',
    'Reply with only a JSON object whose keys are the tool\'s parameter names and whose values fit the parameters schema: no prose, no code fences, no wrapper object.',
    'Take values from the request as the user meant them (units, signs, dates as YYYY-MM-DD). Leave out optional parameters the request does not mention.',
    'When the request refers to an earlier result ("that", "it", "the result"), use the previous result given below.',
  ].join('\n');
  const sections = [
    `Tool: ${manifest.name}`,
    `Description: ${manifest.description}`,
    `Parameters schema:\n${JSON.stringify(manifest.parameters, null, 2)}`,
  ];
  if (context.recent !== undefined && context.recent.length > 0) {
    sections.push(`Recent conversation (oldest first):\n${context.recent.map((message) => `${message.role}: ${clip(message.content, 500)}`).join('\n')}`);
  }
  if (context.previousResult !== undefined) sections.push(`Previous result:\n${clip(JSON.stringify(context.previousResult.value), 2000)}`);
  if (context.partial !== undefined && Object.keys(context.partial).length > 0) {
    sections.push(`Already read from the request (correct these if they are wrong):\n${JSON.stringify(context.partial)}`);
  }
  if (context.reasons !== undefined && context.reasons.length > 0) sections.push(`Still unclear:\n${context.reasons.map((reason) => `- ${reason}`).join('\n')}`);
  sections.push(`Request:\n${request}`);
  return { system, prompt: sections.join('\n\n') };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
