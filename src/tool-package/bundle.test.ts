import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { checkToolPackage, parseManifest, type PackageProblem, type ToolPackage, type ToolRuntime } from './index.ts';

const passingTests = "import { expect, it } from 'vitest';\nimport { echo } from './tool';\n\nit('echoes', () => {\n  expect(echo({ s: 'a' })).toBe('a');\n});\n";

function echoPackage(options: { source: string; tests?: string; runtime?: ToolRuntime }): ToolPackage {
  const parsed = parseManifest(
    JSON.stringify({
      name: 'echo',
      description: 'Returns its input.',
      parameters: { type: 'object', properties: { s: { type: 'string' } }, required: ['s'] },
      returns: { type: 'string' },
      runtime: options.runtime ?? 'isolate',
    }),
  );
  if (!parsed.ok) throw new Error('the test manifest should be valid');
  return { manifest: parsed.manifest, source: options.source, tests: options.tests ?? passingTests };
}

/** The package_invalid error's first problem, or a failure when the package was accepted. */
async function rejection(pkg: ToolPackage): Promise<PackageProblem & { hint: string | undefined }> {
  try {
    await checkToolPackage(pkg);
  } catch (error) {
    if (!ToolsmithError.isInstance(error)) throw error;
    expect(error.kind).toBe('user');
    expect(error.code).toBe('package_invalid');
    const problems = error.details?.['problems'] as PackageProblem[];
    return { ...problems[0]!, hint: error.hint };
  }
  throw new Error('expected the package to be rejected');
}

describe('the import policy', () => {
  it('rejects an npm package in tool.ts, naming the file, line and fix', async () => {
    const problem = await rejection(echoPackage({ source: "\nimport _ from 'lodash';\nexport function echo({ s }: { s: string }) { return _.identity(s); }\n" }));
    expect(problem).toMatchObject({ file: 'tool.ts', line: 2 });
    expect(problem.message).toContain('import "lodash" is not allowed in tool.ts');
    expect(problem.fix).toMatch(/write the code inline instead/);
  });

  it('rejects node:fs in an isolate tool and points to the process runtime', async () => {
    const problem = await rejection(echoPackage({ source: "import { readFileSync } from 'node:fs';\nexport function echo({ s }: { s: string }) { return s + readFileSync; }\n" }));
    expect(problem).toMatchObject({ file: 'tool.ts', line: 1 });
    expect(problem.message).toMatch(/isolate tools have no Node APIs/);
    expect(problem.fix).toContain('"runtime": "process"');
  });

  it('rejects a built-in without the node: prefix in a process tool', async () => {
    const problem = await rejection(
      echoPackage({ runtime: 'process', source: "import { readFileSync } from 'fs';\nexport function echo({ s }: { s: string }) { return s + readFileSync; }\n" }),
    );
    expect(problem.file).toBe('tool.ts');
    expect(problem.fix).toBe('import from "node:fs"');
  });

  it('allows node:path in a process tool', async () => {
    await expect(
      checkToolPackage(echoPackage({ runtime: 'process', source: "import path from 'node:path';\nexport function echo({ s }: { s: string }) { return path.basename(s); }\n" })),
    ).resolves.toBeUndefined();
  });

  it('allows the test file to import ./tool and vitest', async () => {
    await expect(checkToolPackage(echoPackage({ source: 'export function echo({ s }: { s: string }) { return s; }\n' }))).resolves.toBeUndefined();
  });

  it('reports a syntax error with the file and line', async () => {
    const problem = await rejection(echoPackage({ source: 'export function echo({ s }: { s: string }) {\n  return s +;\n}\n' }));
    expect(problem).toMatchObject({ file: 'tool.ts', line: 2 });
  });

  it('reports a syntax error in the test file against tool.test.ts', async () => {
    const problem = await rejection(echoPackage({ source: 'export function echo({ s }: { s: string }) { return s; }\n', tests: "import { it } from 'vitest';\nit('x', () => {\n" }));
    expect(problem.file).toBe('tool.test.ts');
  });

  it('reports a tool that does not export the function the manifest names', async () => {
    const problem = await rejection(echoPackage({ source: 'export function shout({ s }: { s: string }) { return s; }\n' }));
    expect(problem.file).toBe('tool.ts');
    expect(problem.message).toBe('tool.ts does not export a function named echo');
    expect(problem.fix).toContain('export function echo(');
  });
});
