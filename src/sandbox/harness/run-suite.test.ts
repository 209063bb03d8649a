import { describe, expect, it } from 'vitest';
import { createIsolateLikeContext, runTestFile, VITEST_PRELUDE } from './isolate-like-context.ts';

const statuses = (tests: { name: string; status: string }[]) => Object.fromEntries(tests.map((t) => [t.name, t.status]));

describe('running a test file in the sandbox', () => {
  it('names tests by their describe path and runs them in order', async () => {
    const { report, events } = await runTestFile(`
      describe('outer', () => {
        it('first', () => {});
        describe('inner', () => { test('second', () => {}); });
      });
      it('top', () => {});
    `);
    expect(report.tests.map((t) => t.name)).toEqual(['outer > first', 'outer > inner > second', 'top']);
    expect(report.error).toBeUndefined();
    expect(events.map((e) => e.type)).toEqual(['test-start', 'test-end', 'test-start', 'test-end', 'test-start', 'test-end']);
    expect(events[0]).toEqual({ type: 'test-start', name: 'outer > first' });
    expect(events[1]).toMatchObject({ type: 'test-end', result: { name: 'outer > first', status: 'passed' } });
  });

  it('runs hooks in vitest order: beforeEach outer to inner, afterEach and afterAll inner to outer', async () => {
    const { report, logs } = await runTestFile(`
      beforeAll(() => console.log('beforeAll outer'));
      afterAll(() => console.log('afterAll outer'));
      beforeEach(() => { console.log('beforeEach outer'); return () => console.log('cleanup outer'); });
      afterEach(() => console.log('afterEach outer'));
      describe('group', () => {
        beforeAll(() => console.log('beforeAll group'));
        afterAll(() => console.log('afterAll group 1'));
        afterAll(() => console.log('afterAll group 2'));
        beforeEach(() => console.log('beforeEach group'));
        afterEach(() => console.log('afterEach group'));
        it('test', () => console.log('test'));
      });
    `);
    expect(report.tests).toMatchObject([{ name: 'group > test', status: 'passed' }]);
    expect(logs.map((l) => l.text)).toEqual([
      'beforeAll outer',
      'beforeAll group',
      'beforeEach outer',
      'beforeEach group',
      'test',
      'afterEach group',
      'afterEach outer',
      'cleanup outer',
      'afterAll group 2',
      'afterAll group 1',
      'afterAll outer',
    ]);
  });

  it('runs only the .only tests and describes when there are any, skipping the rest', async () => {
    const { report } = await runTestFile(`
      it('plain', () => {});
      it.only('chosen', () => {});
      describe.only('chosen group', () => { it('a', () => {}); it('b', () => {}); });
      describe('other group', () => { it('c', () => {}); it.only('d', () => {}); });
    `);
    expect(statuses(report.tests)).toEqual({
      plain: 'skipped',
      chosen: 'passed',
      'chosen group > a': 'passed',
      'chosen group > b': 'passed',
      'other group > c': 'skipped',
      'other group > d': 'passed',
    });
  });

  it('reports .skip, .todo, skipIf, a test without a body and context.skip() as skipped', async () => {
    const { report, events } = await runTestFile(`
      it.skip('skipped', () => { throw new Error('never'); });
      it.todo('later');
      it('no body');
      describe.skip('skipped group', () => { it('inside', () => { throw new Error('never'); }); });
      it.skipIf(true)('skipIf', () => { throw new Error('never'); });
      it.runIf(true)('runIf', () => {});
      it('skips itself', (ctx) => { ctx.skip(); throw new Error('never'); });
      it('runs', () => {});
    `);
    expect(statuses(report.tests)).toEqual({
      skipped: 'skipped',
      later: 'skipped',
      'no body': 'skipped',
      'skipped group > inside': 'skipped',
      skipIf: 'skipped',
      runIf: 'passed',
      'skips itself': 'skipped',
      runs: 'passed',
    });
    // A test that never runs is reported without a start.
    expect(events.filter((e) => e.type === 'test-start').map((e) => e.name)).toEqual(['runIf', 'skips itself', 'runs']);
  });

  it('expands .each tables: rows spread as arguments, objects with $name, templates and describe.each', async () => {
    const { report } = await runTestFile(`
      it.each([[1, 2, 3], [2, 2, 5]])('adds %i + %i', (a, b, sum) => { expect(a + b).toBe(sum); });
      test.each([{ word: 'abc', n: 3 }, { word: 'de', n: 2 }])('$word has $n letters (case %#)', ({ word, n }) => {
        expect(word).toHaveLength(n);
      });
      it.each([1, 'x'])('single %s', (v) => { expect(v).toBeDefined(); });
      it.each\`
        a    | b    | expected
        \${1} | \${1} | \${2}
        \${2} | \${3} | \${5}
      \`('$a + $b = $expected', ({ a, b, expected }) => { expect(a + b).toBe(expected); });
      describe.each([['en', 'hello'], ['fr', 'bonjour']])('in %s', (lang, word) => {
        it('greets', () => { expect(typeof word).toBe('string'); expect(lang.length).toBe(2); });
      });
    `);
    expect(statuses(report.tests)).toEqual({
      'adds 1 + 2': 'passed',
      'adds 2 + 2': 'failed',
      "'abc' has 3 letters (case 0)": 'passed',
      "'de' has 2 letters (case 1)": 'passed',
      'single 1': 'passed',
      'single x': 'passed',
      '1 + 1 = 2': 'passed',
      '2 + 3 = 5': 'passed',
      'in en > greets': 'passed',
      'in fr > greets': 'passed',
    });
  });

  it('awaits async tests and fails one that outlives its timeout', async () => {
    const { report } = await runTestFile(
      `
      it('async passes', async () => { await new Promise((r) => setTimeout(r, 5)); expect(1).toBe(1); });
      it('async fails', async () => { await new Promise((r) => setTimeout(r, 5)); expect(1).toBe(2); });
      it('hangs', () => new Promise(() => {}));
      it('own timeout', async () => { await new Promise((r) => setTimeout(r, 200)); }, 20);
      it('options timeout', { timeout: 20 }, async () => { await new Promise((r) => setTimeout(r, 200)); });
      it('after the timeouts', () => {});
    `,
      { testTimeoutMs: 40 },
    );
    expect(report.tests.map((t) => [t.name, t.status, t.failure?.message])).toEqual([
      ['async passes', 'passed', undefined],
      ['async fails', 'failed', 'expected 1 to be 2 // Object.is equality'],
      ['hangs', 'failed', 'Test timed out in 40ms'],
      ['own timeout', 'failed', 'Test timed out in 20ms'],
      ['options timeout', 'failed', 'Test timed out in 20ms'],
      ['after the timeouts', 'passed', undefined],
    ]);
    const hangs = report.tests[2]!;
    expect(hangs.durationMs).toBeGreaterThanOrEqual(35);
  });

  it('turns anything thrown into a string message', async () => {
    const { report } = await runTestFile(`
      it('number', () => { throw 42; });
      it('object', () => { throw { code: 'E1' }; });
      it('error', () => { null.x; });
      it('undefined', async () => { throw undefined; });
    `);
    expect(report.tests.map((t) => t.failure?.message)).toEqual([
      'Thrown value is not an Error: 42',
      "Thrown value is not an Error: { code: 'E1' }",
      "TypeError: Cannot read properties of null (reading 'x')",
      'Thrown value is not an Error: undefined',
    ]);
  });

  it('fails the tests of a suite whose beforeAll throws, and reports it as the run error', async () => {
    const { report } = await runTestFile(`
      describe('db', () => {
        beforeAll(() => { throw new Error('no connection'); });
        afterAll(() => console.log('afterAll still runs'));
        it('reads', () => {});
        it.skip('skipped', () => {});
      });
      it('elsewhere', () => {});
    `);
    expect(report.error).toBe('beforeAll hook failed in "db": Error: no connection');
    expect(report.tests).toEqual([
      { name: 'db > reads', status: 'failed', durationMs: 0, failure: { message: 'beforeAll hook failed in "db": Error: no connection' } },
      { name: 'db > skipped', status: 'skipped', durationMs: 0 },
      expect.objectContaining({ name: 'elsewhere', status: 'passed' }),
    ]);
  });

  it('fails a test whose beforeEach or afterEach throws, and reports a failing afterAll', async () => {
    const { report } = await runTestFile(`
      describe('each', () => {
        let n = 0;
        beforeEach(() => { n++; if (n === 1) throw new Error('setup'); });
        it('first', () => { throw new Error('body must not run'); });
        it('second', () => {});
      });
      describe('after', () => {
        afterEach(() => { throw new Error('teardown'); });
        it('third', () => {});
      });
      afterAll(() => { throw new Error('global teardown'); });
    `);
    expect(report.tests.map((t) => [t.name, t.status, t.failure?.message])).toEqual([
      ['each > first', 'failed', 'Error: setup'],
      ['each > second', 'passed', undefined],
      ['after > third', 'failed', 'Error: teardown'],
    ]);
    expect(report.error).toBe('afterAll hook failed: Error: global teardown');
  });

  it('inverts it.fails', async () => {
    const { report } = await runTestFile(`
      it.fails('expected to fail', () => { expect(1).toBe(2); });
      it.fails('passes unexpectedly', () => {});
    `);
    expect(report.tests.map((t) => [t.status, t.failure?.message])).toEqual([
      ['passed', undefined],
      ['failed', 'expected this test to fail (it.fails), but it passed'],
    ]);
  });

  it('reports a describe callback that throws as a collection error and runs nothing', async () => {
    const { report } = await runTestFile(`
      it('fine', () => {});
      describe('broken', () => { it('a', () => {}); throw new Error('typo in setup'); });
    `);
    expect(report).toEqual({
      tests: [],
      error: 'the test file failed while declaring its tests: describe("broken") threw while declaring its tests: Error: typo in setup',
    });
  });

  it('reports a throw at the top level of the file handed over by the backend', async () => {
    const { report } = await runTestFile(`it('fine', () => {});\nthrow new ReferenceError('reverse is not defined');`);
    expect(report).toEqual({
      tests: [],
      error: 'the test file failed while declaring its tests: ReferenceError: reverse is not defined',
    });
  });

  it('reports an async describe callback as a collection error', async () => {
    const { report } = await runTestFile(`describe('async', async () => { it('a', () => {}); });`);
    expect(report.error).toMatch(/describe\("async"\) returned a promise/);
  });

  it('returns an empty list for a file that declares no tests', async () => {
    const { report } = await runTestFile(`const unused = 1;`);
    expect(report).toEqual({ tests: [] });
  });

  it('refuses tests declared while tests run, and a second run', async () => {
    const sandbox = await createIsolateLikeContext();
    sandbox.load(`${VITEST_PRELUDE} it('declares', () => { it('nested', () => {}); });`);
    const first = await sandbox.run();
    expect(first.tests[0]?.failure?.message).toBe(
      'Error: it()/test() was called while tests were running; declare tests and hooks at the top level or inside describe()',
    );
    expect(await sandbox.run()).toEqual({ tests: [], error: 'the harness runs once per sandbox; run() was called again' });
  });
});
