/**
 * Turns texts into vectors whose cosine similarity tracks similarity of meaning, so the registry
 * can find "examine this spreadsheet" from a tool described as "analyze a CSV file".
 *
 * `id` names the model and the recipe (tokenizer, weighting); the store records it beside every
 * vector, and vectors of different ids are never compared. Change the id whenever the vectors
 * for the same text would change.
 *
 * @example
 * const embedder: Embedder = createWordVectorEmbedder();
 * const [query, tool] = await embedder.embed({ texts: ['examine this spreadsheet', 'analyze a CSV file'] });
 * // cosine(query, tool) is high; vectors have `embedder.dimensions` entries.
 */
export interface Embedder {
  /** Stable identity of model + recipe, e.g. `word-vectors:wink-sg-100d:sif-v1`. */
  readonly id: string;
  readonly dimensions: number;
  /** One vector per text, in order. Rejects with the signal's reason when aborted. */
  embed(options: { texts: string[]; signal?: AbortSignal }): Promise<Float32Array[]>;
}
