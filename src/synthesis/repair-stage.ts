import { ToolsmithError } from '../errors.ts';
import type { Model } from '../models/index.ts';
import type { ToolPackage } from '../tool-package/index.ts';
import { checkTestFile } from './check-test-file.ts';
import type { SynthesisFailure } from './events.ts';
import { buildRepairPrompt, REPAIR_PURPOSE, REPAIR_SYSTEM_PROMPT } from './prompts/repair-prompt.ts';
import type { ToolSpec } from './prompts/spec-prompt.ts';
import { parseRepairReply, type RepairReply } from './repair-reply.ts';

export interface RepairOutcome {
  source: string;
  tests: string;
  /** Set when the tests were replaced, with the model's reason. */
  testFixReason?: string;
  /** Set when the reply held a test file that was not taken, saying why. */
  testChangeIgnored?: string;
}

/**
 * Asks for a fix with the failing tests and the current files. A reply with no code is asked for
 * once more; when the second has none either, the result is `undefined` and repairing stops.
 */
export async function repairCandidate(options: {
  model: Model;
  spec: ToolSpec;
  pkg: ToolPackage;
  failures: readonly SynthesisFailure[];
  attempt: number;
  signal?: AbortSignal | undefined;
}): Promise<RepairOutcome | undefined> {
  const { model, spec, pkg, failures, attempt, signal } = options;
  let retry: { reply: string; reason: string } | undefined;
  for (let ask = 1; ask <= 2; ask++) {
    const prompt = buildRepairPrompt({ spec, source: pkg.source, tests: pkg.tests, failures, attempt, ...(retry === undefined ? {} : { retry }) });
    const { text } = await model.generateText({ purpose: REPAIR_PURPOSE, system: REPAIR_SYSTEM_PROMPT, prompt, ...(signal === undefined ? {} : { signal }) });
    let reply: RepairReply;
    try {
      reply = parseRepairReply(text);
    } catch (error) {
      if (!ToolsmithError.isInstance(error) || error.kind !== 'model') throw error;
      retry = { reply: text, reason: error.message };
      continue;
    }
    return applyRepair(pkg, reply, spec.name);
  }
  return undefined;
}

function applyRepair(pkg: ToolPackage, reply: RepairReply, name: string): RepairOutcome {
  const kept = { source: reply.source, tests: pkg.tests };
  if (reply.tests === undefined) return reply.ignoredTests === undefined ? kept : { ...kept, testChangeIgnored: reply.ignoredTests };
  // A "fix" that thins the suite below the minimum would pass by testing less.
  const problems = checkTestFile(reply.tests.code, { name });
  if (problems.length > 0) return { ...kept, testChangeIgnored: `the replacement test file was rejected: ${problems.join(' ')}` };
  return { source: reply.source, tests: reply.tests.code, testFixReason: reply.tests.reason };
}
