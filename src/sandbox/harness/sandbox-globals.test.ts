import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { getHarnessScript } from './harness-script.ts';
import { createIsolateLikeContext, runTestFile, VITEST_PRELUDE } from './isolate-like-context.ts';

describe('globals the harness installs in the sandbox', () => {
  it('captures console output through bridge.log, formatted like Node', async () => {
    const { logs } = await runTestFile(`
      it('logs', () => {
        console.log('plain', 42, { a: 1, b: 'two', c: [1, 2] }, [3, 'x'], null, undefined);
        console.info('%s is %d years and %j', 'Ann', 41.9, { k: true });
        console.warn(new Map([['a', 1]]), new Set([1]));
        console.error(new Error('shown'));
        console.debug({ nested: { deeper: { deepest: { gone: 1 } } } });
        const cycle = { name: 'loop' }; cycle.self = cycle;
        console.log(cycle, -0, 10n, Symbol('s'), function named() {}, class K {}, new Date(0), /re/g);
      });
    `);
    expect(logs).toEqual([
      { level: 'log', text: "plain 42 { a: 1, b: 'two', c: [ 1, 2 ] } [ 3, 'x' ] null undefined" },
      { level: 'info', text: 'Ann is 41.9 years and {"k":true}' },
      { level: 'warn', text: "Map(1) { 'a' => 1 } Set(1) { 1 }" },
      { level: 'error', text: '[Error: shown]' },
      { level: 'debug', text: '{ nested: { deeper: { deepest: [Object] } } }' },
      {
        level: 'log',
        text: "{ name: 'loop', self: [Circular] } -0 10n Symbol(s) [Function: named] [class K] 1970-01-01T00:00:00.000Z /re/g",
      },
    ]);
  });

  it('provides setTimeout and setInterval on bridge.sleep where the sandbox has none; cleared timers never fire', async () => {
    const { report, logs } = await runTestFile(`
      it('timers', async () => {
        const order = [];
        setTimeout(() => order.push('late'), 30);
        setTimeout((word) => order.push(word), 5, 'early');
        const cancelled = setTimeout(() => order.push('cancelled'), 10);
        clearTimeout(cancelled);
        clearTimeout(+setTimeout(() => order.push('cancelled by number'), 10).unref());
        let ticks = 0;
        const interval = setInterval(() => { ticks++; if (ticks === 3) clearInterval(interval); }, 2);
        queueMicrotask(() => order.push('microtask'));
        await new Promise((resolve) => setTimeout(resolve, 60));
        expect(order).toEqual(['microtask', 'early', 'late']);
        expect(ticks).toBe(3);
        console.log('done');
      });
    `);
    expect(report.tests).toMatchObject([{ status: 'passed' }]);
    expect(logs).toEqual([{ level: 'log', text: 'done' }]);
  });

  it('fails the running test when a timer callback throws', async () => {
    const { report } = await runTestFile(`
      it('throws later', async () => {
        setTimeout(() => { throw new Error('in a timer'); }, 1);
        await new Promise((resolve) => setTimeout(resolve, 10));
      });
      it('next', () => {});
    `);
    expect(report.tests.map((t) => [t.status, t.failure?.message])).toEqual([
      ['failed', 'Uncaught error in a timer callback: Error: in a timer'],
      ['passed', undefined],
    ]);
  });

  it('keeps the sandbox timers when it already has them (a Node process)', async () => {
    const sandbox = await createIsolateLikeContext({ withHostTimers: true });
    expect(sandbox.evaluate('setTimeout') ).toBe(setTimeout);
    expect(sandbox.evaluate('typeof console.log')).toBe('function');
  });

  it('exposes toolsmith.fs.readFile through the bridge, refusals as Errors of the sandbox', async () => {
    const { report } = await runTestFile(
      `
      it('reads', async () => {
        expect(await toolsmith.fs.readFile('/data/a.txt')).toBe('contents');
        const refused = await toolsmith.fs.readFile('/etc/passwd').catch((e) => e);
        expect(refused).toBeInstanceOf(Error);
        expect(refused.message).toBe('fs.read is not granted for /etc/passwd');
        expect(Object.isFrozen(toolsmith) && Object.isFrozen(toolsmith.fs)).toBe(true);
      });
    `,
      { files: { '/data/a.txt': 'contents' } },
    );
    expect(report.tests).toMatchObject([{ status: 'passed' }]);
  });

  it('locks the harness and vitest objects against replacement', async () => {
    const sandbox = await createIsolateLikeContext();
    const result = sandbox.evaluate(`
      'use strict';
      const attempts = [];
      const attempt = (fn) => { try { fn(); attempts.push('changed'); } catch { attempts.push('refused'); } };
      attempt(() => { globalThis.__toolsmith_harness.run = async () => ({ tests: [] }); });
      attempt(() => { globalThis.__toolsmith_harness = {}; });
      attempt(() => { globalThis.__toolsmith_vitest.expect = () => {}; });
      attempt(() => { globalThis.__toolsmith_vitest.it.only = () => {}; });
      attempt(() => { globalThis.__toolsmith_vitest.expect.any = () => {}; });
      attempts;
    `);
    expect(result).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
  });

  it('keeps matching and reporting working when tool code tampers with built-ins', async () => {
    const { report } = await runTestFile(`
      Array.prototype.push = function () { throw new Error('push sabotaged'); };
      Array.prototype.join = function () { return 'sabotaged'; };
      Array.prototype.map = undefined;
      Object.is = () => true;
      Object.keys = () => [];
      JSON.stringify = () => 'sabotaged';
      String.prototype.includes = () => true;
      Object.prototype.toString = () => '[object Sabotage]';
      Promise.resolve = () => { throw new Error('resolve sabotaged'); };
      describe('suite', () => {
        it('passes', () => { expect({ a: [1, 2] }).toEqual({ a: [1, 2] }); });
        it('fails', async () => { expect('abc').toContain('z'); });
        it('fails on identity', () => { expect(1).toBe(2); });
      });
    `);
    expect(report.tests).toEqual([
      expect.objectContaining({ name: 'suite > passes', status: 'passed' }),
      expect.objectContaining({ name: 'suite > fails', status: 'failed', failure: expect.objectContaining({ message: "expected 'abc' to include 'z'" }) }),
      expect.objectContaining({ status: 'failed', failure: expect.objectContaining({ message: 'expected 1 to be 2 // Object.is equality' }) }),
    ]);
  });

  it('installs once when the script is evaluated twice', async () => {
    const sandbox = await createIsolateLikeContext();
    const before = sandbox.evaluate('globalThis.__toolsmith_harness');
    vm.runInContext(await getHarnessScript(), sandbox.context);
    expect(sandbox.evaluate('globalThis.__toolsmith_harness')).toBe(before);
    sandbox.load(`${VITEST_PRELUDE} it('still runs', () => {});`);
    expect((await sandbox.run()).tests).toMatchObject([{ name: 'still runs', status: 'passed' }]);
  });

  it('refuses to install without a bridge, naming what is missing', async () => {
    const script = await getHarnessScript();
    const context = vm.createContext({});
    expect(() => vm.runInContext(script, context)).toThrow(
      'the sandbox must install globalThis.__toolsmith_bridge before the harness script runs',
    );
  });
});
