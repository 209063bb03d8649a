// `globalThis.__toolsmith_harness`: runs what the test file declared and returns the report.
import type { HarnessRunOptions } from '../bridge.ts';
import type { HarnessReport } from '../types.ts';
import { assertionFailure, thrownText } from './assertion-failure.ts';
import type { Bridge } from './bridge-access.ts';
import type { Collector } from './collect.ts';
import { arrayJoin, arrayPush, objectFreeze } from './intrinsics.ts';
import type { RunContext } from './run-context.ts';
import { runSuite } from './run-suite.ts';
import { selectTests } from './select.ts';

const FALLBACK_TIMEOUT_MS = 5_000;

export interface Harness {
  run(options: HarnessRunOptions): Promise<HarnessReport>;
  /**
   * For backends: evaluating the test bundle threw at its top level. `run` then reports the
   * file as failed to load, as vitest does, instead of running what was declared before the throw.
   */
  recordLoadError(error: unknown): void;
}

export interface HarnessParts {
  bridge: Bridge;
  collector: Collector;
  expect: object;
}

export function createHarness({ bridge, collector, expect }: HarnessParts): { harness: Harness; reportUncaught: (error: unknown) => void } {
  const loadErrors: string[] = [];
  const errorsOutsideTests: string[] = [];
  let context: RunContext | undefined;
  let started = false;

  const reportUncaught = (error: unknown): void => {
    const failure = assertionFailure(`Uncaught error in a timer callback: ${thrownText(error)}`);
    if (context?.uncaught !== undefined) arrayPush(context.uncaught, failure);
    else arrayPush(context?.errors ?? errorsOutsideTests, failure.message);
  };

  const run = async (options: HarnessRunOptions): Promise<HarnessReport> => {
    if (started) return { tests: [], error: 'the harness runs once per sandbox; run() was called again' };
    started = true;
    collector.close();
    const collectionErrors = [...loadErrors, ...collector.errors];
    if (collectionErrors.length > 0) {
      return { tests: [], error: `the test file failed while declaring its tests: ${arrayJoin(collectionErrors, '\n')}` };
    }
    const timeout = options?.testTimeoutMs;
    context = {
      bridge,
      defaultTimeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : FALLBACK_TIMEOUT_MS,
      selected: selectTests(collector.root),
      expect,
      results: [],
      errors: errorsOutsideTests,
      uncaught: undefined,
    };
    try {
      await runSuite(collector.root, context, []);
    } catch (error) {
      arrayPush(context.errors, `the harness failed: ${thrownText(error)}`);
    }
    const report: HarnessReport = { tests: context.results };
    if (context.errors.length > 0) report.error = arrayJoin(context.errors, '\n');
    return report;
  };

  const harness: Harness = objectFreeze({
    run,
    recordLoadError: (error: unknown) => {
      arrayPush(loadErrors, thrownText(error));
    },
  });
  return { harness, reportUncaught };
}
