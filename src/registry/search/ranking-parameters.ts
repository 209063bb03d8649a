/**
 * The hybrid method's parameters, shared by the in-memory index and the registry's candidate
 * re-scoring so the two cannot drift. Tuned on the MetaTool "tune" half (bench/retrieval-metatool.ts).
 */
export const HYBRID_PARAMETERS = Object.freeze({
  bm25: { k1: 1.2, b: 0.5 },
  expansion: { threshold: 0.55, perWord: 5, weight: 0.3 },
  fusion: { lexical: 0.3, vector: 1, soft: 0.5, wordNet: 0.3, name: 0.3 },
  fusionV1: { lexical: 0.5, vector: 1, soft: 0.5 },
});

/**
 * The sentence encoder's share when fused with the hybrid relevance (weighted min-max over the
 * candidates). Chosen on the MetaTool "tune" half (`bench/retrieval-metatool.ts --sentence-weights`
 * prints the grid); held-out top-1 stays within 0.01 anywhere from 0.3 to 0.6.
 */
export const SENTENCE_FUSION_WEIGHT = 0.5;

/**
 * Vocabulary words by similarity to a query word, best first, excluding its own forms (similarity
 * 1), and those not above `floor` (default 0) when the caller would drop them anyway.
 */
export function neighboursOf(similarities: Float64Array | undefined, words: readonly string[], floor = 0): Array<{ word: string; similarity: number }> {
  if (!similarities) return [];
  const out: Array<{ word: string; similarity: number }> = [];
  for (let j = 0; j < similarities.length; j += 1) {
    const similarity = similarities[j] ?? 0;
    if (similarity < 1 && similarity > floor) out.push({ word: words[j] ?? '', similarity });
  }
  return out.sort((a, b) => b.similarity - a.similarity);
}
