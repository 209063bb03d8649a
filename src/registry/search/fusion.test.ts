import { describe, expect, it } from 'vitest';
import { minMaxNormalize, rankOrder, reciprocalRankFusion, weightedScoreFusion } from './fusion.ts';

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
