import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createSandbox } from '../src/sandbox/index.ts';
import { ToolManifestSchema, type ToolPackage, type ToolRuntime } from '../src/tool-package/index.ts';
import { measure, printTable, type Summary } from './stats.ts';

const run = promisify(execFile);

function tenTestPackage(runtime: ToolRuntime): ToolPackage {
  const tests = Array.from({ length: 10 }, (_, i) => `  it('case ${i}', () => { expect(add_numbers({ a: ${i}, b: 1 })).toBe(${i + 1}); });`).join('\n');
  return {
    manifest: ToolManifestSchema.parse({
      name: 'add_numbers',
      description: 'Adds two numbers.',
      parameters: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
      returns: { type: 'number' },
      runtime,
    }),
    source: 'export function add_numbers({ a, b }: { a: number; b: number }): number { return a + b; }\n',
    tests: `import { describe, it, expect } from 'vitest';\nimport { add_numbers } from './tool';\ndescribe('add_numbers', () => {\n${tests}\n});\n`,
  };
}

/** Verify a 10-test package and one call on each backend, with a plain node subprocess as reference. */
export async function benchSandbox(): Promise<void> {
  const sandbox = createSandbox();
  const rows: Summary[] = [];
  for (const runtime of ['isolate', 'process'] as const) {
    const pkg = tenTestPackage(runtime);
    const runs = runtime === 'isolate' ? 100 : 30;
    rows.push(
      await measure(`${runtime}: verify 10 tests`, async () => {
        const suite = await sandbox.verify({ pkg });
        if (!suite.ok) throw new Error(`bench package failed: ${JSON.stringify(suite.error ?? suite.tests)}`);
      }, { runs }),
    );
    rows.push(
      await measure(`${runtime}: one call`, async () => {
        const outcome = await sandbox.call({ pkg, args: { a: 1, b: 2 } });
        if (!outcome.ok) throw new Error(`bench call failed: ${outcome.error.message}`);
      }, { runs }),
    );
  }
  rows.push(await measure('reference: plain `node -e 0` subprocess', () => run(process.execPath, ['-e', '0']), { runs: 20 }));
  printTable('Sandbox (targets: isolate verify < 10 ms, process verify < 60 ms median)', rows);
}
