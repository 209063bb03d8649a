// The declaration functions tests import: `describe` / `it` / `test` with their chainable
// modifiers (`.skip`, `.only`, `.todo`, `.each`, `.fails`, `.skipIf`, `.runIf`, `.concurrent`)
// and the four hooks.
import { nameOf, type Collector, type Declaration, type HookKind, type Mode, type TestFn } from './collect.ts';
import { eachCases, eachName } from './each.ts';
import { MapCtor, defineProperty, mapGet, mapSet, objectFreeze, objectKeys } from './intrinsics.ts';

interface Flags {
  mode: Mode;
  fails: boolean;
}

type Declare = (name: unknown, second?: unknown, third?: unknown) => void;

export interface TestApi {
  describe: Declare;
  it: Declare;
  test: Declare;
  beforeAll: (fn: unknown, timeout?: unknown) => void;
  afterAll: (fn: unknown, timeout?: unknown) => void;
  beforeEach: (fn: unknown, timeout?: unknown) => void;
  afterEach: (fn: unknown, timeout?: unknown) => void;
}

/** `(name, fn, timeout | options)` or `(name, options, fn)`, as vitest accepts both. */
function parseArguments(second: unknown, third: unknown): Omit<Declaration, 'name' | 'mode'> & { mode?: Mode } {
  let fn: unknown;
  let options: unknown;
  if (typeof second === 'function' || second === undefined) {
    fn = second;
    options = third;
  } else {
    options = second;
    fn = third;
  }
  const parsed: Omit<Declaration, 'name' | 'mode'> & { mode?: Mode } = { fn: fn as TestFn | undefined };
  if (typeof options === 'number') parsed.timeoutMs = options;
  else if (typeof options === 'object' && options !== null) {
    const { timeout, skip, only, todo, fails } = options as Record<string, unknown>;
    if (typeof timeout === 'number') parsed.timeoutMs = timeout;
    if (todo === true) parsed.mode = 'todo';
    else if (skip === true) parsed.mode = 'skip';
    else if (only === true) parsed.mode = 'only';
    if (fails === true) parsed.fails = true;
  }
  return parsed;
}

/** `.skip` and `.todo` win over a later `.only` in a chain. */
function merge(base: Mode, requested: Mode | undefined): Mode {
  if (requested === undefined || base === 'skip' || base === 'todo') return base;
  return requested;
}

export function createTestApi(collector: Collector): TestApi {
  const cache = new MapCtor<unknown, unknown>();

  function build(kind: 'test' | 'suite', flags: Flags): Declare {
    const key = `${kind}:${flags.mode}:${flags.fails}`;
    const cached = mapGet(cache, key) as Declare | undefined;
    if (cached !== undefined) return cached;

    const add = (declaration: Declaration): void => {
      if (kind === 'test') collector.addTest(declaration);
      else collector.addSuite(declaration);
    };
    const declare: Declare = (name, second, third) => {
      const parsed = parseArguments(second, third);
      add({ ...parsed, name, mode: merge(flags.mode, parsed.mode), fails: flags.fails || parsed.fails === true });
    };
    const each = (...table: unknown[]): Declare => {
      const cases = eachCases(table);
      return (name, second, third) => {
        const parsed = parseArguments(second, third);
        const template = nameOf(name);
        for (let i = 0; i < cases.length; i++) {
          const testCase = cases[i]!;
          add({
            ...parsed,
            name: eachName(template, testCase, i),
            args: testCase.args,
            mode: merge(flags.mode, parsed.mode),
            fails: flags.fails || parsed.fails === true,
          });
        }
      };
    };
    const withMode = (mode: Mode): Declare => build(kind, { ...flags, mode: merge(flags.mode, mode) });
    const modifiers: Record<string, () => unknown> = {
      skip: () => withMode('skip'),
      only: () => withMode('only'),
      todo: () => withMode('todo'),
      // Tests run one after another here; concurrency is accepted and ignored.
      concurrent: () => declare,
      sequential: () => declare,
      skipIf: () => (condition: unknown) => (condition ? withMode('skip') : declare),
      runIf: () => (condition: unknown) => (condition ? declare : withMode('skip')),
    };
    if (kind === 'test') modifiers.fails = () => build(kind, { ...flags, fails: true });
    for (const modifier of objectKeys(modifiers)) defineProperty(declare, modifier, { get: modifiers[modifier]!, enumerable: true });
    defineProperty(declare, 'each', { value: each, enumerable: true });
    objectFreeze(declare);
    mapSet(cache, key, declare);
    return declare;
  }

  const hook = (kind: HookKind) => (fn: unknown, timeout?: unknown) => collector.addHook(kind, fn, timeout);
  const test = build('test', { mode: 'run', fails: false });
  return {
    describe: build('suite', { mode: 'run', fails: false }),
    it: test,
    test,
    beforeAll: hook('beforeAll'),
    afterAll: hook('afterAll'),
    beforeEach: hook('beforeEach'),
    afterEach: hook('afterEach'),
  };
}
