import type { CatalogScores } from './catalog-index.ts';
import type { Band, RegistryHit } from './registry-port.ts';
import type { CandidateSummary, RankingPolicy } from './store/index.ts';

/** Success rate assumed for a tool never used: neither rewarded nor punished. */
const UNUSED_SUCCESS_RATE = 0.5;

/**
 * How far below the best similarity a hit may be and still be ordered by score. Success rate and
 * usage choose among tools that fit about equally well; they never carry a tool past one that fits
 * clearly better: a much-used percentage_of (0.80) outranked what_percent (1.00) for "30 is what
 * percent of 120?" and answered it wrongly.
 */
export const PRIOR_MARGIN = 0.1;

export function bandFor(options: { similarity: number; bands: RankingPolicy['bands'] }): Band {
  const { similarity, bands } = options;
  if (similarity >= bands.reuse) return 'reuse';
  if (similarity >= bands.check) return 'check';
  return 'synthesize';
}

/**
 * Turns candidate scores into ranked hits under the policy.
 *
 * Similarity: the hybrid relevance orders candidates well but is relative (min-max fused), so it
 * says nothing about whether the best tool fits at all. The best candidate's similarity is its word
 * coverage of the query (absolute, see `word-coverage.ts`); every other candidate gets that value
 * scaled by its hybrid relevance relative to the best. The hybrid order is kept and the bands read
 * an absolute scale.
 *
 * Score: w.similarity × similarity + w.successRate × success rate (0.5 before any use)
 * + w.usage × log(1 + uses) / log(1 + most uses among the candidates). Hits within `PRIOR_MARGIN`
 * of the best similarity come first, ordered by score; the rest follow, ordered by score.
 */
export function rankHits(options: {
  scores: ReadonlyMap<string, CatalogScores>;
  summaries: ReadonlyMap<string, CandidateSummary>;
  policy: RankingPolicy;
}): RegistryHit[] {
  const { scores, summaries, policy } = options;
  const entries = [...scores].filter(([name]) => summaries.has(name));
  let best: CatalogScores | undefined;
  for (const [, candidate] of entries) if (best === undefined || candidate.relevance > best.relevance) best = candidate;
  const maxUses = Math.max(0, ...entries.map(([name]) => summaries.get(name)?.stats.uses ?? 0));

  const hits = entries.map(([name, candidate]): RegistryHit => {
    const summary = summaries.get(name) as CandidateSummary;
    const similarity = clamp(best !== undefined && best.relevance > 0 ? (best.coverage * candidate.relevance) / best.relevance : candidate.coverage);
    const successRate = summary.stats.successRate ?? UNUSED_SUCCESS_RATE;
    const usage = maxUses > 0 ? Math.log1p(summary.stats.uses) / Math.log1p(maxUses) : 0;
    const { weights } = policy;
    return {
      name,
      description: summary.description,
      similarity,
      score: weights.similarity * similarity + weights.successRate * successRate + weights.usage * usage,
      band: contestedBand(bandFor({ similarity, bands: policy.bands }), candidate),
      status: summary.status,
    };
  });
  const bestSimilarity = Math.max(0, ...hits.map((hit) => hit.similarity));
  const tier = (hit: RegistryHit) => (hit.similarity >= bestSimilarity - PRIOR_MARGIN ? 0 : 1);
  return hits.sort((a, b) => tier(a) - tier(b) || b.score - a.score || b.similarity - a.similarity || a.name.localeCompare(b.name));
}

/** A best hit only the sentence encoder chose is checked before reuse: on its own it confuses near-synonymous tools. */
function contestedBand(band: Band, candidate: CatalogScores): Band {
  return band === 'reuse' && candidate.contested === true ? 'check' : band;
}

function clamp(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
