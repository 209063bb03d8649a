// Runs a describe block: its beforeAll hooks (only if some test inside will run), its children in
// order, then its afterAll hooks in reverse. A failing beforeAll fails every test inside it and is
// reported as the run's error; a failing afterAll is reported as the run's error.
import { assertionFailure, thrownText } from './assertion-failure.ts';
import type { Hook, SuiteNode, TestNode } from './collect.ts';
import { arrayPush, setHas } from './intrinsics.ts';
import { fullName, record, type RunContext } from './run-context.ts';
import { runTest } from './run-test.ts';
import { runTimed } from './timeout.ts';

export async function runSuite(suite: SuiteNode, context: RunContext, parents: SuiteNode[]): Promise<void> {
  const chain = [...parents, suite];
  const tests = testsIn(suite, []);
  let anySelected = false;
  for (const test of tests) if (setHas(context.selected as Set<unknown>, test)) anySelected = true;
  if (!anySelected) {
    for (const test of tests) record(context, fullName(test), 'skipped', 0);
    return;
  }
  const where = suite.name === '' ? '' : ` in "${fullName(suite)}"`;
  const cleanups: ((...args: unknown[]) => unknown)[] = [];
  const { bridge } = context;
  let setupError: string | undefined;
  for (const hook of suite.beforeAll) {
    try {
      const cleanup = await runTimed(hook.fn, [], hook.timeoutMs ?? context.defaultTimeoutMs, bridge.sleep, 'beforeAll hook');
      if (typeof cleanup === 'function') arrayPush(cleanups, cleanup as () => unknown);
    } catch (thrown) {
      setupError = `beforeAll hook failed${where}: ${thrownText(thrown)}`;
      break;
    }
  }
  if (setupError !== undefined) {
    arrayPush(context.errors, setupError);
    for (const test of tests) {
      if (setHas(context.selected as Set<unknown>, test)) record(context, fullName(test), 'failed', 0, assertionFailure(setupError));
      else record(context, fullName(test), 'skipped', 0);
    }
  } else {
    for (const child of suite.children) {
      if (child.kind === 'test') await runTest(child, context, chain);
      else await runSuite(child, context, chain);
    }
  }
  const teardown: Hook[] = [];
  for (let i = suite.afterAll.length - 1; i >= 0; i--) arrayPush(teardown, suite.afterAll[i]!);
  for (let i = cleanups.length - 1; i >= 0; i--) arrayPush(teardown, { fn: cleanups[i]!, timeoutMs: undefined });
  for (const hook of teardown) {
    try {
      await runTimed(hook.fn, [], hook.timeoutMs ?? context.defaultTimeoutMs, bridge.sleep, 'afterAll hook');
    } catch (thrown) {
      arrayPush(context.errors, `afterAll hook failed${where}: ${thrownText(thrown)}`);
    }
  }
}

function testsIn(suite: SuiteNode, into: TestNode[]): TestNode[] {
  for (const child of suite.children) {
    if (child.kind === 'test') arrayPush(into, child);
    else testsIn(child, into);
  }
  return into;
}
