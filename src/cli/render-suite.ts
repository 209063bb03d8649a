import type { SuiteResult, TestResult } from '../sandbox/index.ts';
import type { ToolPackage } from '../tool-package/index.ts';

const MARK: Record<TestResult['status'], string> = { passed: '✓', failed: '✗', skipped: '↓' };

/** What `toolsmith verify` prints: one line per test, failure detail, the suite's console, totals. */
export function renderSuite(pkg: ToolPackage, suite: SuiteResult): string {
  const sections: string[][] = [[`${pkg.manifest.name} ${pkg.manifest.version} (${suite.runtime})`]];
  if (suite.tests.length > 0) sections.push(suite.tests.flatMap(renderTest));
  else if (suite.error === undefined) sections.push(['  no tests ran: tool.test.ts registered no tests']);
  if (suite.console.text.length > 0) {
    sections.push(['--- console output of the suite ---', suite.console.text.replace(/\n$/, ''), '--- end of console output ---']);
  }
  if (suite.error !== undefined) sections.push([`error (${suite.error.code}): ${suite.error.message}`]);
  sections.push([renderTotals(suite)]);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function renderTest(test: TestResult): string[] {
  const lines = [`  ${MARK[test.status]} ${test.name}${test.status === 'skipped' ? '' : `  ${formatMs(test.durationMs)}`}`];
  const failure = test.failure;
  if (failure === undefined) return lines;
  lines.push(...indent(failure.message, 6));
  if (failure.expected !== undefined) lines.push(...indent(`expected: ${failure.expected}`, 6));
  if (failure.received !== undefined) lines.push(...indent(`received: ${failure.received}`, 6));
  return lines;
}

function renderTotals(suite: SuiteResult): string {
  const { passed, failed, skipped } = suite.totals;
  const parts = [`${passed} passed`, `${failed} failed`, ...(skipped > 0 ? [`${skipped} skipped`] : [])];
  return `${parts.join(', ')} in ${formatMs(suite.durationMs)}${suite.ok ? '' : ' (suite failed)'}`;
}

function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => `${pad}${line}`);
}

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}
