// The two stages that write files from the spec: the tests and the implementation.
import type { Model } from '../models/index.ts';
import { checkTestFile } from './check-test-file.ts';
import { askForCode } from './ask-for-code.ts';
import { buildImplementationPrompt, IMPLEMENTATION_PURPOSE, IMPLEMENTATION_SYSTEM_PROMPT } from './prompts/implementation-prompt.ts';
import type { ToolSpec } from './prompts/spec-prompt.ts';
import { buildTestsPrompt, TESTS_PURPOSE, TESTS_SYSTEM_PROMPT } from './prompts/tests-prompt.ts';

interface StageOptions {
  model: Model;
  spec: ToolSpec;
  examples?: readonly string[] | undefined;
  signal?: AbortSignal | undefined;
}

/** Writes `tool.test.ts` from the spec alone; a suite with too few tests or the wrong import is asked for again. */
export function generateTests(options: StageOptions): Promise<string> {
  const { model, spec, examples, signal } = options;
  return askForCode({
    model,
    purpose: TESTS_PURPOSE,
    system: TESTS_SYSTEM_PROMPT,
    buildPrompt: (retry) => buildTestsPrompt({ spec, ...(examples === undefined ? {} : { examples }), ...(retry === undefined ? {} : { retry }) }),
    check: (code) => checkTestFile(code, { name: spec.name }),
    invalidCode: 'tests_invalid',
    what: 'test file',
    signal,
  });
}

/** Writes `tool.ts` from the spec, and from the tests when given (sequential mode). */
export function generateImplementation(options: StageOptions & { tests?: string | undefined }): Promise<string> {
  const { model, spec, examples, tests, signal } = options;
  return askForCode({
    model,
    purpose: IMPLEMENTATION_PURPOSE,
    system: IMPLEMENTATION_SYSTEM_PROMPT,
    buildPrompt: (retry) =>
      buildImplementationPrompt({
        spec,
        ...(examples === undefined ? {} : { examples }),
        ...(tests === undefined ? {} : { tests }),
        ...(retry === undefined ? {} : { retry }),
      }),
    // Whether it compiles and exports the right name is the sandbox's to say, and repair's to fix.
    check: () => [],
    invalidCode: 'implementation_invalid',
    what: 'implementation',
    signal,
  });
}
