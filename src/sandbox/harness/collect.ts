// The tree of suites and tests a test file declares, and the registration functions behind
// `describe`, `it`/`test` and the hooks. Describe callbacks run at once, as vitest collects them;
// anything they throw is kept as a collection error for `run` to report.
import { thrownText } from './assertion-failure.ts';
import { formatValue } from './format-value.ts';
import {
  ErrorCtor,
  arrayPush,
  getOwnPropertyDescriptor,
  TypeErrorCtor,
} from './intrinsics.ts';

export type Mode = 'run' | 'skip' | 'only' | 'todo';
export type TestFn = (...args: unknown[]) => unknown;

export interface TestNode {
  kind: 'test';
  name: string;
  mode: Mode;
  fn: TestFn | undefined;
  /** Arguments from `.each`; `undefined` means the function gets the test context. */
  args: unknown[] | undefined;
  timeoutMs: number | undefined;
  /** `it.fails`: passes only when the body fails. */
  fails: boolean;
  parent: SuiteNode;
}

export interface Hook {
  fn: TestFn;
  timeoutMs: number | undefined;
}

export interface SuiteNode {
  kind: 'suite';
  name: string;
  mode: Mode;
  timeoutMs: number | undefined;
  children: (SuiteNode | TestNode)[];
  beforeAll: Hook[];
  afterAll: Hook[];
  beforeEach: Hook[];
  afterEach: Hook[];
  parent: SuiteNode | undefined;
}

export type HookKind = 'beforeAll' | 'afterAll' | 'beforeEach' | 'afterEach';

export interface Declaration {
  name: unknown;
  mode: Mode;
  fn: TestFn | undefined;
  args?: unknown[];
  timeoutMs?: number;
  fails?: boolean;
}

export interface Collector {
  readonly root: SuiteNode;
  /** Errors thrown while declaring tests; any one of them fails the whole file, as in vitest. */
  readonly errors: string[];
  addTest(declaration: Declaration): void;
  addSuite(declaration: Declaration): void;
  addHook(kind: HookKind, fn: unknown, timeout: unknown): void;
  /** Stops declarations: `run` has started. */
  close(): void;
}

export function createCollector(): Collector {
  const root = newSuite('', 'run', undefined, undefined);
  const errors: string[] = [];
  let current = root;
  let closed = false;

  const ensureOpen = (what: string): void => {
    if (closed) throw new ErrorCtor(`${what} was called while tests were running; declare tests and hooks at the top level or inside describe()`);
  };

  return {
    root,
    errors,
    addTest(declaration) {
      ensureOpen('it()/test()');
      const { mode, fn } = declaration;
      if (fn !== undefined && typeof fn !== 'function') throw new TypeErrorCtor(`test "${nameOf(declaration.name)}" needs a function as its body`);
      arrayPush<SuiteNode | TestNode>(current.children, {
        kind: 'test',
        name: nameOf(declaration.name),
        mode: fn === undefined ? 'todo' : mode,
        fn,
        args: declaration.args,
        timeoutMs: declaration.timeoutMs,
        fails: declaration.fails === true,
        parent: current,
      });
    },
    addSuite(declaration) {
      ensureOpen('describe()');
      const { fn } = declaration;
      const suite = newSuite(nameOf(declaration.name), fn === undefined ? 'todo' : declaration.mode, declaration.timeoutMs, current);
      arrayPush<SuiteNode | TestNode>(current.children, suite);
      if (fn === undefined) return;
      if (typeof fn !== 'function') throw new TypeErrorCtor(`describe "${suite.name}" needs a function as its body`);
      const parent = current;
      current = suite;
      try {
        const result = fn(...(declaration.args ?? []));
        if (typeof (result as { then?: unknown } | null)?.then === 'function') {
          (result as Promise<unknown>).then(undefined, () => undefined);
          arrayPush(errors, `describe("${suite.name}") returned a promise; declare tests synchronously inside describe (no await, no async callback)`);
        }
      } catch (error) {
        arrayPush(errors, `describe("${suite.name}") threw while declaring its tests: ${thrownText(error)}`);
      } finally {
        current = parent;
      }
    },
    addHook(kind, fn, timeout) {
      ensureOpen(`${kind}()`);
      if (typeof fn !== 'function') throw new TypeErrorCtor(`${kind}() needs a function`);
      arrayPush(current[kind], { fn: fn as TestFn, timeoutMs: typeof timeout === 'number' ? timeout : undefined });
    },
    close() {
      closed = true;
    },
  };
}

function newSuite(name: string, mode: Mode, timeoutMs: number | undefined, parent: SuiteNode | undefined): SuiteNode {
  return { kind: 'suite', name, mode, timeoutMs, children: [], beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], parent };
}

/** A test or describe name: strings as written, functions and classes by their name. */
export function nameOf(name: unknown): string {
  if (typeof name === 'string') return name;
  if (typeof name === 'function') {
    const value: unknown = getOwnPropertyDescriptor(name, 'name')?.value;
    if (typeof value === 'string' && value !== '') return value;
  }
  return formatValue(name, { bareStrings: true, singleLine: true, maxLength: 200 });
}
