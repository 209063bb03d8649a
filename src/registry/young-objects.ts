import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process (calling it again changes nothing).
 * A search makes ~1 MB of short-lived objects, and V8 began allocating some of them (the maps
 * holding a search's candidate analyses) straight into the old generation. Dead there, they
 * still pointed at the search's young objects, and each young-generation collection of the
 * search's thread kept those alive until the next full collection: ~4.3 MB copied a time, pauses
 * of 12–18 ms at 100k tools, every one of them in a search among the slowest. With it off, ~0.5
 * MB and 1–5 ms. The flag is read at each collection, so setting it after start-up takes effect.
 */
export function keepSearchObjectsYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
