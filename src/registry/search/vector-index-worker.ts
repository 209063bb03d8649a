/**
 * The in-memory vector indexes' thread (started by `threaded-vector-index.ts`): a scan of 100k
 * vectors (~0.4–0.8 ms) runs here, beside the database work of the same search on the caller's thread.
 *
 * Messages in, each with an `id`: `create { index, dimensions }`, `apply { index, names, vectors,
 * removals }` (`vectors` packs one vector per name), `nearest { index, query, limit, known }`,
 * `nearestFrom { index, port, limit, known }` (the query arrives on `port` as `{ vector }` or
 * `{ error }`; both answer `{ hits, similarities }`, the latter for the `known` names that have a vector),
 * `similarities { index, query, names }`, `save { index, path, embedderId, snapshot }`, `load { index,
 * path, embedderId }` (resolves with the file's snapshot, or null when there is no usable file), and
 * `drop { index }` (no reply). Out: `{ id, result }` or `{ id, error }`, in the order asked.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { createMemoryVectorIndex, type MemoryVectorIndex } from './memory-vector-index.ts';
import { readVectorIndexFile, writeVectorIndexFile } from './vector-index-file.ts';

type Message =
  | { id: number; op: 'create'; index: number; dimensions: number }
  | { id: number; op: 'apply'; index: number; names: string[]; vectors: Float32Array; removals: string[] }
  | { id: number; op: 'nearest'; index: number; query: Float32Array; limit: number; known: string[] }
  | { id: number; op: 'nearestFrom'; index: number; port: MessagePort; limit: number; known: string[] }
  | { id: number; op: 'similarities'; index: number; query: Float32Array; names: string[] }
  | { id: number; op: 'save'; index: number; path: string; embedderId: string; snapshot: string }
  | { id: number; op: 'load'; index: number; path: string; embedderId: string }
  | { op: 'drop'; index: number };

const indexes = new Map<number, MemoryVectorIndex>();

function indexFor(id: number): MemoryVectorIndex {
  const index = indexes.get(id);
  if (index === undefined) throw new Error(`no vector index ${id} in this thread (it was dropped, or the thread restarted)`);
  return index;
}

/** The one message a forwarding embedder sends on `port`; it rejects if the port closes first. */
function vectorFrom(port: MessagePort): Promise<Float32Array> {
  return new Promise<Float32Array>((resolve, reject) => {
    const onClose = () => reject(new Error('the query vector never came: its encoder closed the channel'));
    port.once('message', (message: { vector?: Float32Array; error?: string }) => {
      port.off('close', onClose);
      port.close();
      if (message.vector instanceof Float32Array) resolve(message.vector);
      else reject(new Error(`the query vector never came: ${message.error ?? 'its encoder sent none'}`));
    });
    port.once('close', onClose);
  });
}

/** A scan's hits and the similarities of the names its caller already has, answered together to save a round trip. */
function nearestWith(index: MemoryVectorIndex, query: Float32Array, limit: number, known: readonly string[]) {
  return { hits: index.nearest(query, limit), similarities: [...index.similarities(query, known)] };
}

async function handle(message: Exclude<Message, { op: 'drop' | 'save' | 'nearestFrom' }>): Promise<unknown> {
  switch (message.op) {
    case 'create':
      indexes.set(message.index, createMemoryVectorIndex({ dimensions: message.dimensions }));
      return null;
    case 'apply': {
      const index = indexFor(message.index);
      const { dimensions } = index;
      message.names.forEach((name, i) => index.upsert(name, message.vectors.subarray(i * dimensions, (i + 1) * dimensions)));
      for (const name of message.removals) index.remove(name);
      return index.size;
    }
    case 'nearest':
      return nearestWith(indexFor(message.index), message.query, message.limit, message.known);
    case 'similarities':
      return [...indexFor(message.index).similarities(message.query, message.names)];
    case 'load': {
      const index = indexFor(message.index);
      const saved = await readVectorIndexFile(message.path);
      if (saved === undefined || saved.header.embedderId !== message.embedderId || saved.header.dimensions !== index.dimensions) return null;
      index.restore({ names: saved.header.names, vectors: saved.vectors });
      return saved.header.snapshot;
    }
  }
}

const port = parentPort;
if (port === null) throw new Error('vector-index-worker.ts runs as a worker thread; use createThreadedVectorIndex()');

/** Answers request `id` with what `work` returns, or with the error it throws or rejects with. */
async function reply(id: number, work: () => unknown): Promise<void> {
  try {
    port?.postMessage({ id, result: await work() });
  } catch (error) {
    port?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

// One message at a time, so a scan never sees an index half restored and replies keep their order.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: Message) => {
  queue = queue.then(async () => {
    if (message.op === 'drop') {
      indexes.delete(message.index);
      return;
    }
    if (message.op === 'nearestFrom') {
      // The scan joins the queue when its vector arrives, so requests made meanwhile (another
      // search's scan, a similarity lookup) need not wait for the encoder.
      void reply(message.id, async () => {
        const vector = await vectorFrom(message.port);
        const scan = queue.then(() => nearestWith(indexFor(message.index), vector, message.limit, message.known));
        queue = scan.then(() => undefined, () => undefined);
        return scan;
      });
      return;
    }
    if (message.op === 'save') {
      // The contents are copied in turn; the write itself does not hold up the scans queued after it.
      let written: Promise<void>;
      try {
        const index = indexFor(message.index);
        const { names, vectors } = index.contents();
        const header = { embedderId: message.embedderId, dimensions: index.dimensions, snapshot: message.snapshot, names: [...names] };
        written = writeVectorIndexFile(message.path, { header, vectors });
      } catch (error) {
        written = Promise.reject(error);
      }
      void reply(message.id, async () => {
        await written;
        return null;
      });
      return;
    }
    await reply(message.id, () => handle(message));
  });
});
