// The repair stage's prompt: the failing tests with expected and received values, the current
// files, and the reply shape `parseRepairReply` reads (see ../repair-reply.ts).
import type { ModelPurpose } from '../../models/index.ts';
import type { SynthesisFailure } from '../events.ts';
import type { ToolSpec } from './spec-prompt.ts';
import { formatSpec } from './spec-text.ts';
import { MINIMUM_TESTS } from './tests-prompt.ts';
import { toolFileRules } from './tool-rules.ts';

export const REPAIR_PURPOSE = 'repair' as const satisfies ModelPurpose;

/** The marker that must precede a replaced test file; see `parseRepairReply`. */
export const TEST_FIX_MARKER = 'Test fix:';

export const REPAIR_SYSTEM_PROMPT = `You repair a Toolsmith tool whose tests fail in the sandbox. The tests were written from the spec without seeing the code, so the implementation is usually what is wrong: fix tool.ts.
Change a test only when the test itself contradicts the spec (a wrong expected value, a wrong function name, a test that does not compile), never just because it fails, and always say why.
Reply format, exactly:
1. One \`\`\`ts fenced block with the whole corrected tool.ts (always, even if it is unchanged).
2. Only when a test is wrong: a line starting "${TEST_FIX_MARKER}" followed by the reason on the same line, then a second \`\`\`ts fenced block with the whole corrected tool.test.ts, still with at least ${MINIMUM_TESTS} tests.
A test file without a "${TEST_FIX_MARKER}" line before it is ignored.`;

export interface RepairPromptInput {
  spec: ToolSpec;
  source: string;
  tests: string;
  failures: readonly SynthesisFailure[];
  /** 1 for the first repair. */
  attempt: number;
  /** Set when a first reply held no code: what it was and why it was rejected. */
  retry?: { reply: string; reason: string };
}

export function buildRepairPrompt(input: RepairPromptInput): string {
  const { spec, source, tests, failures, attempt, retry } = input;
  return [
    formatSpec(spec),
    '',
    'Current tool.ts:',
    '```ts',
    source.trim(),
    '```',
    '',
    'Current tool.test.ts:',
    '```ts',
    tests.trim(),
    '```',
    '',
    `What failed in the sandbox (repair ${attempt}):`,
    ...failures.map(describeFailure),
    '',
    'Rules for tool.ts:',
    toolFileRules({ name: spec.name, runtime: spec.runtime }),
    ...(retry === undefined ? [] : ['', 'Your previous reply was rejected:', retry.reason, 'Previous reply:', retry.reply]),
    '',
    `Reply with the corrected tool.ts in a \`\`\`ts block; add "${TEST_FIX_MARKER} <reason>" and the corrected tool.test.ts only if a test is wrong.`,
  ].join('\n');
}

function describeFailure(failure: SynthesisFailure): string {
  const where = failure.test === undefined ? 'The whole suite' : `Test "${failure.test}"`;
  const values = [
    ...(failure.expected === undefined ? [] : [`expected ${failure.expected}`]),
    ...(failure.received === undefined ? [] : [`received ${failure.received}`]),
  ];
  return `- ${where}: ${failure.message}${values.length === 0 ? '' : ` (${values.join(', ')})`}`;
}
