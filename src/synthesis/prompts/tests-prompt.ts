// The tests stage's prompt: the test writer sees only the spec, never the implementation, so the
// suite checks what was promised rather than what was written.
import type { ModelPurpose } from '../../models/index.ts';
import type { ToolSpec } from './spec-prompt.ts';
import { formatSpec } from './spec-text.ts';
import { testFileRules } from './tool-rules.ts';

export const TESTS_PURPOSE = 'tests' as const satisfies ModelPurpose;

/** Fewer tests than this and the stage is asked again. */
export const MINIMUM_TESTS = 5;

export const TESTS_SYSTEM_PROMPT = `You write the test file tool.test.ts for one Toolsmith tool, working only from its spec. You do not see the implementation: test the behaviour the spec promises, including its edge cases and the errors it throws.
The tests run in a sandbox with a vitest-compatible API (describe, it, test, expect with the usual matchers, .rejects, .toThrow).
Reply with the whole file in one \`\`\`ts fenced block and nothing else.`;

export interface TestsPromptInput {
  spec: ToolSpec;
  examples?: readonly string[];
  /** Set when a first reply was rejected: what it was and why. */
  retry?: { reply: string; reason: string };
}

export function buildTestsPrompt(input: TestsPromptInput): string {
  const { spec, examples = [], retry } = input;
  return [
    formatSpec(spec),
    ...(examples.length === 0 ? [] : ['', 'Examples from the user (include them as tests):', ...examples.map((example) => `- ${example}`)]),
    '',
    'Rules for tool.test.ts:',
    testFileRules({ name: spec.name, minimumTests: MINIMUM_TESTS }),
    ...(retry === undefined ? [] : ['', 'Your previous reply was rejected:', retry.reason, 'Previous reply:', retry.reply, '', 'Reply again with the whole corrected file.']),
    '',
    `Write tool.test.ts for ${spec.name}.`,
  ].join('\n');
}
