import { describe, expect, it } from 'vitest';
import { retryAfterMs, retryTransient } from './retry-policy.ts';

describe('retryTransient', () => {
  it('backs off exponentially with jitter between transient failures', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retryTransient({
      run: async () => {
        calls++;
        if (calls < 3) throw new Error('busy');
        return 'done';
      },
      classify: () => ({ transient: true }),
      settings: { baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => { waits.push(ms); } },
    });
    expect(result).toBe('done');
    expect(waits).toEqual([75, 150]);
  });

  it('rethrows a lasting failure at once and a transient one after the last try', async () => {
    let calls = 0;
    const lasting = retryTransient({ run: async () => { calls++; throw new Error('no'); }, classify: () => ({ transient: false }), settings: { sleep: async () => {} } });
    await expect(lasting).rejects.toThrow('no');
    expect(calls).toBe(1);
    calls = 0;
    const transient = retryTransient({ run: async () => { calls++; throw new Error('busy'); }, classify: () => ({ transient: true }), settings: { sleep: async () => {} } });
    await expect(transient).rejects.toThrow('busy');
    expect(calls).toBe(3);
  });

  it('waits what Retry-After says, capped at the longest backoff', async () => {
    const waits: number[] = [];
    let calls = 0;
    await retryTransient({
      run: async () => { if (++calls < 3) throw new Error('429'); },
      classify: () => ({ transient: true, retryAfterMs: calls === 1 ? 2000 : 90_000 }),
      settings: { maxDelayMs: 30_000, sleep: async (ms) => { waits.push(ms); } },
    });
    expect(waits).toEqual([2000, 30_000]);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates and retry-after-ms', () => {
    expect(retryAfterMs({ 'Retry-After': '2' })).toBe(2000);
    expect(retryAfterMs({ 'retry-after-ms': '150' })).toBe(150);
    expect(retryAfterMs({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
