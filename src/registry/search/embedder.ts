import type { MessagePort } from 'node:worker_threads';

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

/**
 * An embedder that runs in a thread of its own and can hand a text's vector straight to another
 * thread through `port`, as well as to the caller: a search's vector scan (`ThreadedVectorIndex.nearestFrom`)
 * then starts as soon as the vector exists, not when the caller's event loop is next free (it is
 * held by the database's statements meanwhile). The port receives `{ vector }` or `{ error }`, once.
 *
 * @example
 * const { port1, port2 } = new MessageChannel();
 * const scan = index.nearestFrom({ port: port2, limit: 20 });
 * const vector = await encoder.embedForwarding({ text: 'find me headphones', port: port1 });
 * const { hits } = await scan;
 */
export interface ForwardingEmbedder extends Embedder {
  embedForwarding(options: { text: string; port: MessagePort; signal?: AbortSignal }): Promise<Float32Array>;
}

export function isForwardingEmbedder(embedder: Embedder): embedder is ForwardingEmbedder {
  return typeof (embedder as Partial<ForwardingEmbedder>).embedForwarding === 'function';
}
