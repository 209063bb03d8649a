import { describe, expect, it } from 'vitest';
import type { CatalogScores } from './catalog-index.ts';
import { rankHits } from './rank-hits.ts';
import type { RankingPolicy, ToolSummary } from './store/index.ts';

const policy: RankingPolicy = { version: 1, createdAt: new Date(0), weights: { similarity: 0.7, successRate: 0.2, usage: 0.1 }, bands: { reuse: 0.8, check: 0.65 } };

const summary = (name: string): ToolSummary => ({
  name,
  version: '1.0.0',
  description: `${name} does things`,
  status: 'verified',
  statusReason: null,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  stats: { uses: 0, successes: 0, failures: 0, successRate: null, lastUsedAt: null },
});

function rank(scores: Record<string, CatalogScores>) {
  return rankHits({ scores: new Map(Object.entries(scores)), summaries: new Map(Object.keys(scores).map((name) => [name, summary(name)])), policy });
}

describe('rankHits', () => {
  it("gives the best candidate its word coverage as similarity, and the others theirs scaled by relevance", () => {
    const hits = rank({ best_tool: { relevance: 2, coverage: 0.9 }, other_tool: { relevance: 1, coverage: 0.95 } });
    expect(hits.map((hit) => [hit.name, hit.similarity, hit.band])).toEqual([
      ['best_tool', 0.9, 'reuse'],
      ['other_tool', 0.45, 'synthesize'],
    ]);
  });

  it('checks before reusing a best hit that only the sentence encoder put first', () => {
    const plain = rank({ best_tool: { relevance: 2, coverage: 0.9 }, other_tool: { relevance: 1, coverage: 0.9 } });
    const contested = rank({ best_tool: { relevance: 2, coverage: 0.9, contested: true }, other_tool: { relevance: 1, coverage: 0.9 } });
    expect(plain[0]?.band).toBe('reuse');
    expect(contested[0]).toMatchObject({ name: 'best_tool', similarity: 0.9, band: 'check' });
    // A contested hit that only reaches check or synthesize keeps its band.
    expect(rank({ best_tool: { relevance: 2, coverage: 0.5, contested: true } })[0]?.band).toBe('synthesize');
  });
});
