import { describe, expect, it } from 'vitest';
import { fuseOnScale, minMaxNormalize, rankOrder, reciprocalRankFusion, weightedScoreFusion } from './fusion.ts';

describe('fusion', () => {
  it('rescales scores to [0, 1] and gives a ranker with no opinion zeros', () => {
    expect(Array.from(minMaxNormalize([2, 4, 3]))).toEqual([0, 1, 0.5]);
    expect(Array.from(minMaxNormalize([5, 5]))).toEqual([0, 0]);
  });

  it('lets a heavier ranker decide between scales', () => {
    const fused = weightedScoreFusion([
      { scores: [10, 0, 5], weight: 1 },
      { scores: [0.1, 0.9, 0.2], weight: 2 },
    ]);
    expect(rankOrder(fused)[0]).toBe(1);
  });

  it('rewards documents ranked well by both rankers in reciprocal rank fusion', () => {
    const fused = reciprocalRankFusion([
      { scores: [3, 2, 1], weight: 1 },
      { scores: [1, 3, 2], weight: 1 },
    ]);
    expect(rankOrder(fused)).toEqual([1, 0, 2]);
  });
});

describe('fuseOnScale', () => {
  it('mixes the other ranker in on the base scores own range, so the base scale is kept', () => {
    const fused = fuseOnScale([2, 1, 0], [0, 1, 0.5], 0.5);
    // other mapped onto [0, 2]: [0, 2, 1]; half of each.
    expect(Array.from(fused)).toEqual([1, 1.5, 0.5]);
    expect(Math.max(...fused)).toBeLessThanOrEqual(2);
  });

  it('keeps the base order when the other ranker has no opinion', () => {
    const fused = fuseOnScale([3, 1, 2], [0.4, 0.4, 0.4], 0.5);
    expect(Array.from(fused).map((value, i) => [value, i]).sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0)).map(([, i]) => i)).toEqual([0, 2, 1]);
  });
});
