import type { SuiteResult } from '../sandbox/index.ts';

export interface FailingTest {
  name: string;
  message: string;
}

export function failingTests(suite: SuiteResult): FailingTest[] {
  return suite.tests.filter((test) => test.status === 'failed').map((test) => ({ name: test.name, message: test.failure?.message ?? 'failed' }));
}

/** One line saying why a suite did not pass, for a status reason or an error message. */
export function describeSuiteFailure(suite: SuiteResult): string {
  if (suite.error !== undefined) return `the suite stopped (${suite.error.code}): ${suite.error.message}`;
  if (suite.totals.total === 0) return 'the suite has no tests';
  const failing = failingTests(suite);
  const list = failing.map((test) => `${test.name}: ${test.message}`).join('; ');
  return `${failing.length} of ${suite.totals.total} tests failed: ${list}`;
}
