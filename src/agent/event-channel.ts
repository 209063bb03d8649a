/**
 * A one-consumer queue between a running pipeline (which pushes as things happen, including from
 * callbacks such as synthesis events and model-call logs) and the `AsyncIterable` the caller reads.
 * A consumer that stops early (`break`) calls `onCancel`, so the pipeline can abort its work.
 */
export interface EventChannel<T> extends AsyncIterable<T> {
  push(item: T): void;
  /** No more items; the iteration ends once the queue is drained. */
  close(): void;
}

export function createEventChannel<T>(options: { onCancel?: () => void } = {}): EventChannel<T> {
  const queue: T[] = [];
  let closed = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  return {
    push(item) {
      if (closed) return;
      queue.push(item);
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    [Symbol.asyncIterator](): AsyncIterator<T> {
      return {
        async next(): Promise<IteratorResult<T>> {
          while (queue.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
          if (queue.length > 0) return { value: queue.shift() as T, done: false };
          return { value: undefined, done: true };
        },
        async return(): Promise<IteratorResult<T>> {
          if (!closed) options.onCancel?.();
          closed = true;
          queue.length = 0;
          return { value: undefined, done: true };
        },
      };
    },
  };
}
