// Runs one test: beforeEach hooks outer to inner, the body under its timeout, pending async
// expectations and `expect.assertions` checks, then afterEach hooks and cleanups inner to outer.
import { assertionFailure } from './assertion-failure.ts';
import { assertionCountFailure, resetAssertions, settlePending } from './assertion-state.ts';
import type { SuiteNode, TestNode } from './collect.ts';
import { arrayPush, objectFreeze, setHas } from './intrinsics.ts';
import { fullName, record, type RunContext } from './run-context.ts';
import { runTimed } from './timeout.ts';

// Thrown by `context.skip()` inside a test: ends it as skipped, not failed.
const SKIP = objectFreeze({ skip: true });

export async function runTest(test: TestNode, context: RunContext, chain: SuiteNode[]): Promise<void> {
  const name = fullName(test);
  if (!setHas(context.selected as Set<unknown>, test)) {
    record(context, name, 'skipped', 0);
    return;
  }
  const { bridge } = context;
  bridge.report({ type: 'test-start', name });
  resetAssertions();
  context.uncaught = [];
  const started = bridge.now();
  const cleanups: ((...args: unknown[]) => unknown)[] = [];
  const testContext = objectFreeze({
    task: objectFreeze({ name: test.name, fullName: name }),
    expect: context.expect,
    skip: (): never => {
      throw SKIP;
    },
    onTestFinished: (fn: unknown) => {
      if (typeof fn === 'function') arrayPush(cleanups, fn as () => unknown);
    },
  });
  const hookTimeout = context.defaultTimeoutMs;
  let failed = false;
  let skipped = false;
  let failure: unknown;
  const fail = (thrown: unknown): void => {
    if (thrown === SKIP) skipped = true;
    else if (!failed) {
      failed = true;
      failure = thrown;
    }
  };

  try {
    for (const suite of chain) {
      for (const hook of suite.beforeEach) {
        const cleanup = await runTimed(hook.fn, [testContext], hook.timeoutMs ?? hookTimeout, bridge.sleep, 'beforeEach hook');
        if (typeof cleanup === 'function') arrayPush(cleanups, cleanup as () => unknown);
      }
    }
    await runTimed(test.fn!, test.args ?? [testContext], timeoutOf(test, context), bridge.sleep, 'Test');
    await settlePending();
    const countFailure = assertionCountFailure();
    if (countFailure !== undefined) throw countFailure;
  } catch (thrown) {
    fail(thrown);
  }
  for (let s = chain.length - 1; s >= 0; s--) {
    const hooks = chain[s]!.afterEach;
    for (let h = hooks.length - 1; h >= 0; h--) {
      try {
        await runTimed(hooks[h]!.fn, [testContext], hooks[h]!.timeoutMs ?? hookTimeout, bridge.sleep, 'afterEach hook');
      } catch (thrown) {
        fail(thrown);
      }
    }
  }
  for (let i = cleanups.length - 1; i >= 0; i--) {
    try {
      await runTimed(cleanups[i]!, [], hookTimeout, bridge.sleep, 'cleanup');
    } catch (thrown) {
      fail(thrown);
    }
  }
  const uncaught = context.uncaught;
  context.uncaught = undefined;
  if (uncaught.length > 0) fail(uncaught[0]);

  if (test.fails && !skipped) {
    failure = failed ? undefined : assertionFailure('expected this test to fail (it.fails), but it passed');
    failed = !failed;
  }
  const duration = bridge.now() - started;
  record(context, name, skipped && !failed ? 'skipped' : failed ? 'failed' : 'passed', duration, failure);
}

/** The test's own timeout, else the nearest describe's, else the run's. */
function timeoutOf(test: TestNode, context: RunContext): number {
  if (test.timeoutMs !== undefined) return test.timeoutMs;
  for (let suite: SuiteNode | undefined = test.parent; suite !== undefined; suite = suite.parent) {
    if (suite.timeoutMs !== undefined) return suite.timeoutMs;
  }
  return context.defaultTimeoutMs;
}
