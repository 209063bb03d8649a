import { ToolsmithError } from '../errors.ts';
import type { Sandbox, SandboxLimits, SuiteResult } from '../sandbox/index.ts';
import { checkToolPackage, type PackageProblem, type ToolPackage } from '../tool-package/index.ts';
import type { SynthesisFailure } from './events.ts';

/**
 * Runs a candidate's suite. A package that does not compile, breaks the import policy or does
 * not export the tool's name is a failure to repair, not an error: it comes back as a suite that
 * failed to load, with the bundler's problems as its message.
 */
export async function verifyCandidate(options: {
  sandbox: Sandbox;
  pkg: ToolPackage;
  limits?: Partial<SandboxLimits> | undefined;
  signal?: AbortSignal | undefined;
}): Promise<{ suite: SuiteResult; failures: SynthesisFailure[] }> {
  const { sandbox, pkg, limits, signal } = options;
  const started = performance.now();
  let suite: SuiteResult;
  try {
    // Both bundles: the tests may import a wrong name the implementation shares, which only the
    // call bundle (importing the manifest's name) catches.
    await checkToolPackage(pkg);
    suite = await sandbox.verify({ pkg, ...(limits === undefined ? {} : { limits }), ...(signal === undefined ? {} : { signal }) });
  } catch (error) {
    if (!ToolsmithError.isInstance(error) || error.code !== 'package_invalid') throw error;
    suite = {
      ok: false,
      runtime: pkg.manifest.runtime,
      tests: [],
      totals: { total: 0, passed: 0, failed: 0, skipped: 0 },
      durationMs: Math.round(performance.now() - started),
      console: { text: '', truncated: false },
      error: { code: 'load_failed', message: describePackageError(error) },
    };
  }
  return { suite, failures: failuresOf(suite) };
}

/** The failing tests, then the suite's own error unless a failing test already reports it. */
export function failuresOf(suite: SuiteResult): SynthesisFailure[] {
  const failures: SynthesisFailure[] = suite.tests.flatMap((test) => {
    if (test.status !== 'failed') return [];
    const failure = test.failure ?? { message: 'the test failed without a message' };
    return [{ test: test.name, ...failure }];
  });
  const error = suite.error;
  if (error !== undefined && !failures.some((failure) => failure.message === error.message)) {
    failures.push({ message: `${error.code}: ${error.message}` });
  }
  if (failures.length === 0 && !suite.ok) failures.push({ message: 'the suite did not pass, and the sandbox gave no reason' });
  return failures;
}

function describePackageError(error: ToolsmithError): string {
  const problems = error.details?.['problems'];
  if (!Array.isArray(problems) || problems.length === 0) return `the package does not compile: ${error.message}`;
  const lines = (problems as PackageProblem[]).map((problem) => `${problem.file}:${problem.line}: ${problem.message} (fix: ${problem.fix})`);
  return `the package does not compile: ${lines.join('; ')}`;
}
