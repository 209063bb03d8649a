// The implementation stage's prompt. By default the implementer sees only the spec (tests are
// written in parallel); in sequential mode it also gets the tests it must pass.
import type { ModelPurpose } from '../../models/index.ts';
import type { ToolSpec } from './spec-prompt.ts';
import { formatSpec } from './spec-text.ts';
import { toolFileRules } from './tool-rules.ts';

export const IMPLEMENTATION_PURPOSE = 'implementation' as const satisfies ModelPurpose;

export const IMPLEMENTATION_SYSTEM_PROMPT = `You implement one Toolsmith tool: the file tool.ts, a single exported TypeScript function that runs in a sandbox and is called with one JSON object argument.
Write clear, careful, dependency-free code that does exactly what the spec says, validates its input and handles the edge cases the docstring lists.
Reply with the whole file in one \`\`\`ts fenced block and nothing else.`;

export interface ImplementationPromptInput {
  spec: ToolSpec;
  examples?: readonly string[];
  /** The test file, in sequential mode only. */
  tests?: string;
  /** Set when a first reply was rejected: what it was and why. */
  retry?: { reply: string; reason: string };
}

export function buildImplementationPrompt(input: ImplementationPromptInput): string {
  const { spec, examples = [], tests, retry } = input;
  return [
    formatSpec(spec),
    ...(examples.length === 0 ? [] : ['', 'Examples from the user (the tool must agree with them):', ...examples.map((example) => `- ${example}`)]),
    ...(tests === undefined ? [] : ['', 'The tests it must pass (tool.test.ts):', '```ts', tests.trim(), '```']),
    '',
    'Rules for tool.ts:',
    toolFileRules({ name: spec.name, runtime: spec.runtime }),
    ...(retry === undefined ? [] : ['', 'Your previous reply was rejected:', retry.reason, 'Previous reply:', retry.reply, '', 'Reply again with the whole corrected file.']),
    '',
    `Write tool.ts for ${spec.name}.`,
  ].join('\n');
}
