// Hands out a new, never-used isolate and context for each run. Creating them takes about 2 ms,
// so one spare is made ahead, right after a run takes the previous one, off the run's critical
// path. A spare has run no code at all, so a run still starts from a pristine isolate.
import ivm from 'isolated-vm';

export interface FreshIsolate {
  isolate: ivm.Isolate;
  context: Promise<ivm.Context>;
}

// One spare only (for the heap size last asked for): idle isolates hold memory.
let spare: { memoryMb: number; fresh: FreshIsolate } | undefined;
let refillQueued = false;

export function takeFreshIsolate(memoryMb: number): FreshIsolate {
  let fresh: FreshIsolate | undefined;
  if (spare !== undefined) {
    if (spare.memoryMb === memoryMb && !spare.fresh.isolate.isDisposed) fresh = spare.fresh;
    else discard(spare.fresh);
    spare = undefined;
  }
  fresh ??= create(memoryMb);
  if (!refillQueued) {
    refillQueued = true;
    setImmediate(() => {
      refillQueued = false;
      if (spare === undefined) spare = { memoryMb, fresh: create(memoryMb) };
    }).unref();
  }
  return fresh;
}

function create(memoryMb: number): FreshIsolate {
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  const context = isolate.createContext();
  // A spare that is discarded unused never has its context awaited.
  context.catch(() => undefined);
  return { isolate, context };
}

function discard(fresh: FreshIsolate): void {
  if (!fresh.isolate.isDisposed) fresh.isolate.dispose();
}
