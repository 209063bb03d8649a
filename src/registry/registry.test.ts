import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { bandFor } from './rank-hits.ts';
import { doublePackage, openTestRegistry, removeHome, type OpenedRegistry } from './registry-test-support.ts';

describe('registry add (real PGlite, isolate sandbox, word vectors)', () => {
  let opened: OpenedRegistry;
  beforeAll(async () => {
    opened = await openTestRegistry();
  });
  afterAll(async () => {
    await opened.close();
    await removeHome(opened.home);
  });

  it('refuses a package whose tests fail, naming the failing test, and writes nothing', async () => {
    const error = await opened.registry.add({ pkg: doublePackage({ failing: true }) }).catch((thrown: unknown) => thrown);
    expect(ToolsmithError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'user', code: 'verification_failed' });
    const details = (error as ToolsmithError).details as { failingTests: Array<{ name: string }> };
    expect(details.failingTests.map((test) => test.name)).toEqual(['doubles 5']);
    expect(await opened.store.list()).toEqual([]);
  });

  it('stores a failing package as experimental when asked, with the failures as the reason', async () => {
    const record = await opened.registry.add({ pkg: doublePackage({ failing: true }), experimental: true });
    expect(record.status).toBe('experimental');
    expect(record.statusReason).toContain('doubles 5');
    expect(record.testResults?.totals).toMatchObject({ total: 2, failed: 1 });
  });

  it('stores a passing package as verified with its vector, and finds it', async () => {
    const record = await opened.registry.add({ pkg: doublePackage({ version: '1.1.0' }), reason: 'fixed the test' });
    expect(record).toMatchObject({ status: 'verified', version: '1.1.0', reason: 'fixed the test', statusReason: null });
    expect(await opened.store.embeddingsMissing({ embedderId: 'word-vectors:wink-sg-100d:sif-v1' })).toEqual([]);
    const { hits } = await opened.registry.search({ query: 'multiply a number by two' });
    expect(hits[0]).toMatchObject({ name: 'double_number', status: 'verified' });
  });

  it('runs the current version, records the execution and changes the stats', async () => {
    const outcome = await opened.registry.run({ name: 'double_number', args: { n: 21 } });
    expect(outcome).toMatchObject({ ok: true, value: 42 });
    const stats = await opened.store.stats({ name: 'double_number' });
    expect(stats).toMatchObject({ uses: 1, successes: 1, failures: 0, successRate: 1 });
  });

  it('refuses bad arguments without recording an execution', async () => {
    await expect(opened.registry.run({ name: 'double_number', args: { n: 'x' } })).rejects.toMatchObject({ code: 'arguments_invalid' });
    expect((await opened.store.stats({ name: 'double_number' })).uses).toBe(1);
  });

  it('rolls back to an earlier version and re-tests the current one', async () => {
    const rolled = await opened.registry.rollback({ name: 'double_number', to: '1.0.0' });
    expect(rolled).toMatchObject({ currentVersion: '1.0.0', status: 'experimental' });
    const report = await opened.registry.test({ name: 'double_number' });
    expect(report).toMatchObject({ name: 'double_number', version: '1.0.0', suite: { ok: false } });
    const history = await opened.registry.history({ name: 'double_number' });
    expect(history.map((entry) => [entry.version, entry.isCurrent])).toEqual([
      ['1.1.0', false],
      ['1.0.0', true],
    ]);
  });

  it('removes a tool so search no longer returns it', async () => {
    await opened.registry.remove({ name: 'double_number' });
    expect(await opened.registry.search({ query: 'multiply a number by two' })).toEqual({ hits: [], band: 'synthesize' });
  });
});

describe('bands', () => {
  const bands = { reuse: 0.8, check: 0.65 };
  it('reads similarity against the thresholds, inclusive', () => {
    expect(bandFor({ similarity: 0.8, bands })).toBe('reuse');
    expect(bandFor({ similarity: 0.79, bands })).toBe('check');
    expect(bandFor({ similarity: 0.65, bands })).toBe('check');
    expect(bandFor({ similarity: 0.64, bands })).toBe('synthesize');
  });
});
