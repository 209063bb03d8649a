// State shared by one harness run: where results go, which tests were selected, and the errors
// that belong to no single test.
import type { TestResult } from '../types.ts';
import type { Bridge } from './bridge-access.ts';
import type { SuiteNode, TestNode } from './collect.ts';
import { describeThrown } from './assertion-failure.ts';
import { arrayJoin, arrayPush, objectIs } from './intrinsics.ts';

export interface RunContext {
  bridge: Bridge;
  defaultTimeoutMs: number;
  selected: Set<TestNode>;
  expect: object;
  results: TestResult[];
  /** Errors outside any test (beforeAll/afterAll hooks, uncaught timer errors between tests). */
  errors: string[];
  /** Uncaught errors (from timer callbacks) while the current test runs; it fails with the first. */
  uncaught: unknown[] | undefined;
}

/** `outer > inner > test`, as the report names tests. */
export function fullName(node: TestNode | SuiteNode): string {
  const parts: string[] = [];
  let current: TestNode | SuiteNode | undefined = node;
  while (current !== undefined) {
    if (current.name !== '' || current.kind === 'test') arrayPush(parts, current.name);
    current = current.parent;
  }
  const ordered: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) arrayPush(ordered, parts[i]!);
  return arrayJoin(ordered, ' > ');
}

/** Records a result and tells the host. The result is a fresh plain object of JSON values. */
export function record(context: RunContext, name: string, status: TestResult['status'], durationMs: number, thrown?: unknown): void {
  const result: TestResult = { name, status, durationMs: objectIs(durationMs, -0) || !(durationMs >= 0) ? 0 : durationMs };
  if (status === 'failed') {
    const detail = describeThrown(thrown);
    result.failure = { message: detail.message };
    if (detail.expected !== undefined) result.failure.expected = detail.expected;
    if (detail.received !== undefined) result.failure.received = detail.received;
  }
  arrayPush(context.results, result);
  context.bridge.report({ type: 'test-end', result });
}
