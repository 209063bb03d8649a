import type { MessagePort } from 'node:worker_threads';
import { systemError } from '../../errors.ts';
import type { VectorHit } from './memory-vector-index.ts';
import { createWorkerRequests } from './worker-requests.ts';

export interface NearestWith {
  hits: VectorHit[];
  /** Similarity of each asked-for name that has a vector. */
  similarities: Map<string, number>;
}

export interface ThreadedVectorIndex {
  readonly dimensions: number;
  /** Adds or replaces `upserts` (zero vectors are removed), then removes `removals`; resolves with the size. */
  apply(changes: { upserts: ReadonlyArray<{ name: string; vector: Float32Array }>; removals: readonly string[] }): Promise<number>;
  nearest(query: Float32Array, limit: number): Promise<VectorHit[]>;
  /** `nearest`, and the similarities of `known` (as `similarities` gives them), in one round trip. */
  nearestWith(options: { query: Float32Array; limit: number; known: readonly string[] }): Promise<NearestWith>;
  /**
   * `nearestWith` for the vector that arrives on `port` (`{ vector }` or `{ error }`, as a
   * `ForwardingEmbedder` sends it), without a round trip through the caller's thread. The scan is
   * queued when the vector arrives, behind whatever was asked before that; it never answers if the
   * port is neither answered nor closed. The port may be sent after its vector (it waits on the port).
   */
  nearestFrom(options: { port: MessagePort; limit: number; known?: readonly string[] }): Promise<NearestWith>;
  similarities(query: Float32Array, names: readonly string[]): Promise<Map<string, number>>;
  /** Saves the contents to `path` (`vector-index-file.ts`), labelled with the snapshot they reflect. */
  save(options: { path: string; embedderId: string; snapshot: string }): Promise<void>;
  /** Replaces the contents with a saved copy; resolves with its snapshot, or undefined when there is no usable one. */
  load(options: { path: string; embedderId: string }): Promise<string | undefined>;
  /** Frees the thread's copy; the index is unusable afterwards. Also done when the index is garbage-collected. */
  close(): void;
}

function failed(reason: string, cause?: unknown) {
  return systemError('vector_index_failed', `the in-memory vector index failed: ${reason}`, 'retry; if it persists, set TOOLSMITH_SENTENCE_ENCODER=off and report it', cause);
}

/**
 * A thread per lane, started on first use. Indexes a search scans at the same time belong in
 * different lanes, so a quick request to one (similarities) does not wait behind a scan of another.
 */
const lanes = new Map<string, ReturnType<typeof createWorkerRequests>>();
const laneThread = (lane: string) => {
  let thread = lanes.get(lane);
  if (thread === undefined) {
    thread = createWorkerRequests({ url: new URL('./vector-index-worker.ts', import.meta.url), failure: failed });
    lanes.set(lane, thread);
  }
  return thread;
};
/** `nearest` and `nearestFrom` as the thread answers them (a map does not cross threads as cheaply as pairs). */
interface NearestReply {
  hits: VectorHit[];
  similarities: Array<[string, number]>;
}
const withMap = (reply: NearestReply): NearestWith => ({ hits: reply.hits, similarities: new Map(reply.similarities) });

let nextIndex = 0;
const dropWhenCollected = new FinalizationRegistry<{ lane: string; index: number }>(({ lane, index }) => laneThread(lane).post({ op: 'drop', index }));

/**
 * A `MemoryVectorIndex` (`memory-vector-index.ts`) kept in a worker thread (its `lane`'s), so its
 * scans run beside the caller's own work. Requests are handled in the order they were made (a save
 * finishes writing its file in the background, so its reply may come later; `nearestFrom` is
 * queued when its vector arrives).
 *
 * @example
 * const index = createThreadedVectorIndex({ dimensions: 512 });
 * await index.apply({ upserts: [{ name: 'add', vector }], removals: [] });
 * const [best] = await index.nearest(queryVector, 20);
 */
export function createThreadedVectorIndex(options: { dimensions: number; lane?: string }): ThreadedVectorIndex {
  const { dimensions, lane = 'default' } = options;
  const thread = laneThread(lane);
  const index = nextIndex++;
  const created = thread.request<null>({ op: 'create', index, dimensions });
  created.catch(() => {});
  const handle: ThreadedVectorIndex = {
    dimensions,
    async apply({ upserts, removals }) {
      await created;
      const vectors = new Float32Array(upserts.length * dimensions);
      upserts.forEach(({ name, vector }, i) => {
        if (vector.length !== dimensions) throw failed(`the vector of "${name}" has ${vector.length} dimensions, the index ${dimensions}`);
        vectors.set(vector, i * dimensions);
      });
      return thread.request<number>({ op: 'apply', index, names: upserts.map((each) => each.name), vectors, removals: [...removals] }, { transfer: [vectors.buffer] });
    },
    async nearest(query, limit) {
      return (await handle.nearestWith({ query, limit, known: [] })).hits;
    },
    async nearestWith({ query, limit, known }) {
      await created;
      return withMap(await thread.request<NearestReply>({ op: 'nearest', index, query, limit, known: [...known] }));
    },
    async nearestFrom({ port, limit, known = [] }) {
      await created.catch((error: unknown) => {
        port.close();
        throw error;
      });
      return withMap(await thread.request<NearestReply>({ op: 'nearestFrom', index, port, limit, known: [...known] }, { transfer: [port] }));
    },
    async similarities(query, names) {
      await created;
      return new Map(await thread.request<Array<[string, number]>>({ op: 'similarities', index, query, names: [...names] }));
    },
    async save(saveOptions) {
      await created;
      await thread.request<null>({ op: 'save', index, ...saveOptions });
    },
    async load(loadOptions) {
      await created;
      // A process that is done need not wait for a copy it will not use.
      return (await thread.request<string | null>({ op: 'load', index, ...loadOptions }, { holdProcess: false })) ?? undefined;
    },
    close() {
      dropWhenCollected.unregister(handle);
      thread.post({ op: 'drop', index });
    },
  };
  dropWhenCollected.register(handle, { lane, index }, handle);
  return handle;
}
