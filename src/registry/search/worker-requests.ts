import { Worker, type ResourceLimits, type Transferable } from 'node:worker_threads';

type Reply = { id: number; result: unknown } | { id: number; error: string };

interface Pending {
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

export interface RequestOptions {
  transfer?: readonly Transferable[];
  signal?: AbortSignal;
  /** false: the request does not keep the process alive (work nobody waits for once it exits). */
  holdProcess?: boolean;
}

export interface WorkerRequests {
  /** Sends `message` with an `id` added; resolves with the thread's `result`, rejects with `failure(error)`. */
  request<T>(message: Record<string, unknown>, options?: RequestOptions): Promise<T>;
  /** Sends a message that gets no reply, when the thread is running (nothing to tell a thread not started). */
  post(message: Record<string, unknown>): void;
}

/**
 * Request and reply over one worker thread, started on the first request and again after it dies.
 * The thread is referenced only while requests that hold the process are pending, so an idle one
 * keeps no process alive.
 * The worker answers each `{ id, ... }` with `{ id, result }` or `{ id, error }`.
 */
export function createWorkerRequests(options: {
  url: URL;
  failure: (reason: string, cause?: unknown) => Error;
  /** The thread's heap limits (`new Worker`'s `resourceLimits`); V8's defaults without them. */
  resourceLimits?: ResourceLimits;
}): WorkerRequests {
  const { url, failure, resourceLimits } = options;
  let thread: { worker: Worker; pending: Map<number, Pending> } | undefined;
  let nextId = 0;
  /** Pending requests that hold the process; the thread is referenced while there are any. */
  const holding = new Set<number>();
  const release = (worker: Worker, id: number) => {
    if (holding.delete(id) && holding.size === 0) worker.unref();
  };

  const start = (): NonNullable<typeof thread> => {
    const worker = new Worker(url, resourceLimits === undefined ? {} : { resourceLimits });
    const pending = new Map<number, Pending>();
    const started = { worker, pending };
    const fail = (error: unknown) => {
      if (thread === started) thread = undefined;
      for (const request of pending.values()) request.reject(error);
      pending.clear();
      holding.clear();
    };
    worker.on('message', (reply: Reply) => {
      const request = pending.get(reply.id);
      if (request === undefined) return;
      pending.delete(reply.id);
      release(worker, reply.id);
      if ('error' in reply) request.reject(failure(reply.error));
      else request.resolve(reply.result);
    });
    worker.on('error', (error: Error) => fail(failure(error.message, error)));
    worker.on('exit', (code) => fail(failure(`its thread exited with code ${code}`)));
    worker.unref();
    return started;
  };

  return {
    request<T>(message: Record<string, unknown>, requestOptions: RequestOptions = {}) {
      const { signal } = requestOptions;
      thread ??= start();
      const { worker, pending } = thread;
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        // An abort answers at once; the thread finishes what it started and its reply is dropped.
        const onAbort = () => {
          pending.delete(id);
          release(worker, id);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => signal?.removeEventListener('abort', onAbort);
        pending.set(id, {
          resolve: (result) => (done(), resolve(result as T)),
          reject: (error) => (done(), reject(error)),
        });
        if (requestOptions.holdProcess !== false) {
          holding.add(id);
          worker.ref();
        }
        worker.postMessage({ ...message, id }, requestOptions.transfer ?? []);
      });
    },
    post(message) {
      thread?.worker.postMessage(message);
    },
  };
}
