// Entry of the harness script. The backend evaluates it in the sandbox after installing the
// bridge and before the test or tool bundle; it installs `console`, timers (isolates only),
// `toolsmith`, `__toolsmith_vitest` and `__toolsmith_harness`. Evaluating it twice is harmless.
import { captureBridge } from './bridge-access.ts';
import { createCapabilities } from './capabilities.ts';
import { createCollector } from './collect.ts';
import { createConsole } from './console.ts';
import { createExpect } from './expect.ts';
import { createHarness } from './harness.ts';
import { defineProperty, objectFreeze, objectKeys } from './intrinsics.ts';
import { createVi } from './mock-fn.ts';
import { createTestApi } from './test-api.ts';
import { createTimers } from './timers.ts';

/** Same strings as `HARNESS_GLOBAL` / `VITEST_GLOBAL` in ../bridge.ts. */
const HARNESS_NAME = '__toolsmith_harness';
const VITEST_NAME = '__toolsmith_vitest';

function defineLocked(name: string, value: unknown): void {
  defineProperty(globalThis, name, { value, writable: false, enumerable: false, configurable: false });
}

function defineReplaceable(name: string, value: unknown): void {
  defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
}

function install(): void {
  if ((globalThis as Record<string, unknown>)[HARNESS_NAME] !== undefined) return;
  const bridge = captureBridge();
  const collector = createCollector();
  const expect = createExpect();
  const { harness, reportUncaught } = createHarness({ bridge, collector, expect });

  defineReplaceable('console', createConsole(bridge));
  if ((globalThis as Record<string, unknown>).setTimeout === undefined) {
    const timers = createTimers(bridge, reportUncaught);
    for (const name of objectKeys(timers)) {
      if ((globalThis as Record<string, unknown>)[name] === undefined) defineReplaceable(name, timers[name as keyof typeof timers]);
    }
  }
  defineLocked('toolsmith', createCapabilities(bridge));
  defineLocked(VITEST_NAME, objectFreeze({ ...createTestApi(collector), expect, vi: createVi() }));
  defineLocked(HARNESS_NAME, harness);
}

install();
