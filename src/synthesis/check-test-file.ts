// Static checks on a generated test file, run before anything reaches the sandbox, so a suite
// that is too thin or tests the wrong function is sent back with the reason at once.
import { MINIMUM_TESTS } from './prompts/tests-prompt.ts';

const TEST_CALL = /(?<![\w$.])(?:it|test)(?:\s*\.\s*(?:only|concurrent|fails|each))?\s*\(/g;

/** How many `it(...)` / `test(...)` cases a file declares; skipped and todo tests do not count. */
export function countTests(code: string): number {
  return withoutComments(code).match(TEST_CALL)?.length ?? 0;
}

/** What is wrong with a test file for tool `name`, as sentences for the model; empty when nothing is. */
export function checkTestFile(code: string, options: { name: string }): string[] {
  const { name } = options;
  const text = withoutComments(code);
  const problems: string[] = [];
  const count = countTests(code);
  if (count < MINIMUM_TESTS) {
    problems.push(`The file declares ${count} test${count === 1 ? '' : 's'}; write at least ${MINIMUM_TESTS} it(...) tests covering normal, edge and error cases.`);
  }
  if (!/from\s*['"]vitest['"]/.test(text)) problems.push("The file does not import from 'vitest'; start it with import { describe, it, expect } from 'vitest';");
  const toolImport = new RegExp(`import\\s*\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]\\./tool(?:\\.ts|\\.js)?['"]`);
  if (!toolImport.test(text)) problems.push(`The file does not import ${name} from './tool'; add import { ${name} } from './tool';`);
  return problems;
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
