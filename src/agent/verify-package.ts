import type { Sandbox, SuiteResult } from '../sandbox/index.ts';
import type { ToolPackage } from '../tool-package/index.ts';

/**
 * Runs a loaded package's test suite in the sandbox its manifest asks for.
 * A failing test is a result (`ok: false`), not an error; only a broken sandbox throws.
 *
 * @example
 * const pkg = await loadToolPackage({ dir: './tools/reverse_string' });
 * const suite = await verifyPackage({ sandbox: createSandbox(), pkg });
 * if (!suite.ok) console.log(`${suite.totals.failed} failed`);
 */
export async function verifyPackage(options: { sandbox: Sandbox; pkg: ToolPackage; signal?: AbortSignal }): Promise<SuiteResult> {
  const { sandbox, pkg, signal } = options;
  return sandbox.verify({ pkg, ...(signal === undefined ? {} : { signal }) });
}
