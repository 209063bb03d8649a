import { describe, expect, it } from 'vitest';
import { createNearestKernels, PREFIX_BITS, SIGNATURE_WORDS } from './nearest-kernels.ts';

/** Deterministic pseudo-random 32-bit words. */
function wordSource(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state ^ (state >>> 13) ^ Math.imul(state, 0x9e37)) >>> 0;
  };
}

function bitCount(word: number): number {
  let count = 0;
  for (let bits = word >>> 0; bits !== 0; bits >>>= 1) count += bits & 1;
  return count;
}

/** Differing bits of slot's signature and the query's, over its first `words` words. */
function hamming(signatures: Uint32Array, query: Uint32Array, slot: number, words: number): number {
  let distance = 0;
  for (let word = 0; word < words; word++) distance += bitCount((signatures[slot * SIGNATURE_WORDS + word] ?? 0) ^ (query[word] ?? 0));
  return distance;
}

/** The reference selection: every slot at or under the smallest distance that keeps at least `count`. */
function keptByDistance(distances: number[], count: number): number[] {
  const sorted = [...distances].sort((a, b) => a - b);
  const cut = sorted[Math.min(count, sorted.length) - 1] ?? 0;
  return distances.flatMap((distance, i) => (distance <= cut ? [i] : []));
}

describe('createNearestKernels', () => {
  it('shortlists by the first 64 signature bits and then all 256, as a plain count of differing bits would', () => {
    const size = 3_000;
    const kernels = createNearestKernels({ capacity: 4_096, dimensions: 8 });
    const next = wordSource(11);
    for (let i = 0; i < size * SIGNATURE_WORDS; i++) kernels.signatures[i] = next();
    for (let word = 0; word < SIGNATURE_WORDS; word++) kernels.querySignature[word] = next();

    const prefixDistances = Array.from({ length: size }, (_, slot) => hamming(kernels.signatures, kernels.querySignature, slot, PREFIX_BITS / 32));
    const prefixed = kernels.prefixWithin(size, 300);
    expect([...prefixed]).toEqual(keptByDistance(prefixDistances, 300));
    expect(prefixed.length).toBeGreaterThanOrEqual(300);

    const listed = [...prefixed];
    const fullDistances = listed.map((slot) => hamming(kernels.signatures, kernels.querySignature, slot, SIGNATURE_WORDS));
    const near = kernels.nearestWithin(prefixed, 40);
    expect([...near]).toEqual(keptByDistance(fullDistances, 40).map((i) => listed[i]));

    // The whole index, without the prefilter.
    const everyDistance = Array.from({ length: size }, (_, slot) => hamming(kernels.signatures, kernels.querySignature, slot, SIGNATURE_WORDS));
    expect([...kernels.nearestWithin(kernels.allBelow(size), 25)]).toEqual(keptByDistance(everyDistance, 25));
  });

  it('dots listed rows with the query, for strides with and without a last group of four', () => {
    for (const dimensions of [3, 8, 12, 100, 512]) {
      const kernels = createNearestKernels({ capacity: 64, dimensions });
      expect(kernels.stride % 4).toBe(0);
      const next = wordSource(dimensions);
      const value = () => next() / 4_294_967_296 - 0.5;
      const rows = Array.from({ length: 64 }, () => Float64Array.from({ length: dimensions }, value));
      rows.forEach((row, slot) => kernels.vectors.set(row, slot * kernels.stride));
      const query = Float64Array.from({ length: dimensions }, value);
      kernels.query.set(query);
      const slots = [5, 0, 63, 17, 17];
      const products = kernels.dots(slots);
      expect(products).toHaveLength(slots.length);
      slots.forEach((slot, i) => {
        // Against double-precision sums of the same f32 values.
        const row = kernels.vectors.subarray(slot * kernels.stride, slot * kernels.stride + dimensions);
        const exact = row.reduce((sum, x, d) => sum + x * (kernels.query[d] ?? 0), 0);
        expect(Math.abs((products[i] ?? Number.NaN) - exact)).toBeLessThan(1e-5);
      });
    }
  });

  it('refuses scans that do not fit, and sizes it cannot hold', () => {
    const kernels = createNearestKernels({ capacity: 16, dimensions: 4 });
    expect(() => kernels.prefixWithin(17, 4)).toThrow(/17 tools does not fit kernels for 16/);
    expect(() => kernels.nearestWithin(new Int32Array(4), 2)).toThrow(/a view these kernels returned/);
    expect(() => createNearestKernels({ capacity: 0, dimensions: 4 })).toThrow(/positive whole capacity/);
    expect(() => createNearestKernels({ capacity: 4, dimensions: 2.5 })).toThrow(/positive whole capacity and dimensions/);
  });
});
