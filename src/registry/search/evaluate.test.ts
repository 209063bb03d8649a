import { describe, expect, it } from 'vitest';
import { evaluateRetrieval } from './evaluate.ts';

describe('evaluateRetrieval', () => {
  it('computes top-1, recall@5 and MRR from the gold tool positions', async () => {
    const catalog = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name }));
    const rankings: Record<string, string[]> = {
      first: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], // gold a at 1
      third: ['b', 'c', 'a', 'd', 'e', 'f', 'g'], // gold a at 3
      sixth: ['b', 'c', 'd', 'e', 'f', 'a', 'g'], // gold a at 6
      missing: ['b', 'c'], // gold a absent
    };
    const report = await evaluateRetrieval({
      catalog,
      queries: Object.keys(rankings).map((query) => ({ query, tool: 'a' })),
      rank: (query) => rankings[query] ?? [],
    });
    expect(report.count).toBe(4);
    expect(report.top1).toBe(0.25);
    expect(report.recallAt5).toBe(0.5);
    expect(report.mrr).toBeCloseTo((1 + 1 / 3 + 1 / 6 + 0) / 4, 10);
    expect(report.latencyP95Ms).toBeGreaterThanOrEqual(report.latencyP50Ms);
  });
});
