export interface LabeledQuery {
  query: string;
  /** Name of the tool that should come first. */
  tool: string;
}

export interface RetrievalReport {
  /** Share of queries whose gold tool ranked first. */
  top1: number;
  /** Share whose gold tool is among the first five. */
  recallAt5: number;
  /** Mean of 1 / rank of the gold tool (0 when absent). */
  mrr: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  count: number;
}

/**
 * Runs `rank` (tool names, best first) on every query, one at a time so latencies are per query.
 *
 * @example
 * const report = await evaluateRetrieval({ catalog, queries, rank: async (query) => (await index.search({ query, limit: 10 })).map((hit) => hit.name) });
 */
export async function evaluateRetrieval(options: {
  catalog: ReadonlyArray<{ name: string }>;
  queries: readonly LabeledQuery[];
  rank: (query: string) => Promise<readonly string[]> | readonly string[];
}): Promise<RetrievalReport> {
  let top1 = 0;
  let recallAt5 = 0;
  let reciprocalRanks = 0;
  const latencies: number[] = [];
  for (const { query, tool } of options.queries) {
    const started = performance.now();
    const ranked = await options.rank(query);
    latencies.push(performance.now() - started);
    const position = ranked.indexOf(tool);
    if (position === 0) top1 += 1;
    if (position >= 0 && position < 5) recallAt5 += 1;
    if (position >= 0) reciprocalRanks += 1 / (position + 1);
  }
  const count = options.queries.length;
  latencies.sort((a, b) => a - b);
  return {
    top1: count ? top1 / count : 0,
    recallAt5: count ? recallAt5 / count : 0,
    mrr: count ? reciprocalRanks / count : 0,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP95Ms: percentile(latencies, 0.95),
    count,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}
