import { instantiateKernel } from './wasm-kernel.ts';

/**
 * The memory of one in-memory vector index (`memory-vector-index.ts`) and the WebAssembly scans
 * over it (`nearest-kernels.wat`): signatures, unit vectors and every scan's scratch space, sized for
 * `capacity` tools. A larger index gets new kernels and copies its tools across.
 *
 * In JavaScript the signature scan looked up four 16-bit tables per 64 bits and the cosines summed
 * one float at a time; here `i64.popcnt` and f32x4 products do the same work in a fraction of the
 * instructions.
 */
export interface NearestKernels {
  readonly capacity: number;
  /** Floats from one vector's start to the next: the dimensions rounded up to a multiple of 4 (the padding stays zero). */
  readonly stride: number;
  /** 256-bit signatures, `SIGNATURE_WORDS` u32 a tool, by slot. */
  readonly signatures: Uint32Array;
  /** Unit vectors, `stride` floats a tool, by slot. */
  readonly vectors: Float32Array;
  /** The query's unit vector (its first `dimensions` floats), read by `dots`. */
  readonly query: Float32Array;
  /** The query's signature, read by `prefixWithin` and `nearestWithin`. */
  readonly querySignature: Uint32Array;
  /**
   * The slots below `size` whose first 64 signature bits are nearest the query's: at least
   * `count` (all of them tied at the cut), in slot order. A view of scratch space, valid until the next scan.
   */
  prefixWithin(size: number, count: number): Int32Array;
  /** Of `slots` (a view from `prefixWithin`, or all slots below a size), those whose whole signatures are nearest the query's: at least `count`. */
  nearestWithin(slots: Int32Array, count: number): Int32Array;
  /** All slots below `size`, as `nearestWithin` takes them. */
  allBelow(size: number): Int32Array;
  /** The dot products of `slots`' vectors with `query`, in order. A view of scratch space, valid until the next scan. */
  dots(slots: ArrayLike<number>): Float32Array;
}

/** Bits, and 32-bit words, in a signature. */
export const SIGNATURE_BITS = 256;
export const SIGNATURE_WORDS = SIGNATURE_BITS / 32;
/** Bits the prefilter compares (`prefixWithin`): the signature's first 64. */
export const PREFIX_BITS = 64;

interface KernelExports {
  prefixDistances(signatures: number, count: number, queryAt: number, out: number, histogram: number): void;
  keepWithin(distances: number, count: number, cut: number, out: number): number;
  fullDistances(signatures: number, slots: number, count: number, queryAt: number, out: number, histogram: number): void;
  keepListedWithin(slots: number, distances: number, count: number, cut: number, out: number): number;
  dots(vectors: number, stride: number, slots: number, count: number, queryAt: number, out: number): void;
}

/** The smallest distance at or under which at least `count` of `histogram`'s entries fall. */
function cutFor(histogram: Uint32Array, count: number): number {
  let cut = 0;
  for (let seen = 0; cut < histogram.length - 1; cut++) {
    seen += histogram[cut] ?? 0;
    if (seen >= count) break;
  }
  return cut;
}

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * @example
 * const kernels = createNearestKernels({ capacity: 1024, dimensions: 512 });
 * kernels.vectors.set(unitVector, slot * kernels.stride);
 */
export function createNearestKernels(options: { capacity: number; dimensions: number }): NearestKernels {
  const { capacity, dimensions } = options;
  if (!Number.isInteger(capacity) || capacity < 1 || !Number.isInteger(dimensions) || dimensions < 1) {
    throw new RangeError(`nearest kernels need a positive whole capacity and dimensions, got ${capacity} and ${dimensions}`);
  }
  const stride = Math.ceil(dimensions / 4) * 4;
  // Scratch first (fixed size), then the tools' data, then per-tool scratch.
  const regions = {
    histogram: align((SIGNATURE_BITS + 1) * 4),
    querySignature: align(SIGNATURE_WORDS * 4),
    query: align(stride * 4),
    signatures: align(capacity * SIGNATURE_WORDS * 4),
    vectors: align(capacity * stride * 4),
    prefixes: align(capacity),
    distances: align(capacity * 2),
    kept: align(capacity * 4),
    near: align(capacity * 4),
    listed: align(capacity * 4),
    products: align(capacity * 4),
  };
  const at = {} as Record<keyof typeof regions, number>;
  let top = 0;
  for (const [name, bytes] of Object.entries(regions) as [keyof typeof regions, number][]) {
    at[name] = top;
    top += bytes;
  }
  const { memory, exports: kernel } = instantiateKernel<KernelExports>('nearest-kernels.wasm', top);
  const buffer = memory.buffer;
  const histogram = new Uint32Array(buffer, at.histogram, SIGNATURE_BITS + 1);
  const query = new Float32Array(buffer, at.query, stride);
  const querySignature = new Uint32Array(buffer, at.querySignature, SIGNATURE_WORDS);
  const kept = new Int32Array(buffer, at.kept, capacity);
  const near = new Int32Array(buffer, at.near, capacity);
  const listed = new Int32Array(buffer, at.listed, capacity);
  const products = new Float32Array(buffer, at.products, capacity);
  const checkSize = (size: number) => {
    if (!Number.isInteger(size) || size < 0 || size > capacity) throw new RangeError(`a scan of ${size} tools does not fit kernels for ${capacity}`);
  };
  /** Where a view of `kept` or `near` starts in memory (`nearestWithin` takes either). */
  const addressOf = (slots: Int32Array) => {
    if (slots.buffer !== buffer) throw new RangeError('slots must be a view these kernels returned');
    return slots.byteOffset;
  };

  return {
    capacity,
    stride,
    signatures: new Uint32Array(buffer, at.signatures, capacity * SIGNATURE_WORDS),
    vectors: new Float32Array(buffer, at.vectors, capacity * stride),
    query,
    querySignature,
    prefixWithin(size, count) {
      checkSize(size);
      histogram.fill(0, 0, PREFIX_BITS + 1);
      kernel.prefixDistances(at.signatures, size, at.querySignature, at.prefixes, at.histogram);
      const cut = cutFor(histogram.subarray(0, PREFIX_BITS + 1), count);
      return kept.subarray(0, kernel.keepWithin(at.prefixes, size, cut, at.kept));
    },
    allBelow(size) {
      checkSize(size);
      for (let slot = 0; slot < size; slot++) kept[slot] = slot;
      return kept.subarray(0, size);
    },
    nearestWithin(slots, count) {
      const from = addressOf(slots);
      histogram.fill(0);
      kernel.fullDistances(at.signatures, from, slots.length, at.querySignature, at.distances, at.histogram);
      const cut = cutFor(histogram, count);
      return near.subarray(0, kernel.keepListedWithin(from, at.distances, slots.length, cut, at.near));
    },
    dots(slots) {
      const count = slots.length;
      checkSize(count);
      let from: number;
      if (slots instanceof Int32Array && slots.buffer === buffer) {
        from = slots.byteOffset;
      } else {
        for (let i = 0; i < count; i++) listed[i] = slots[i] ?? 0;
        from = at.listed;
      }
      kernel.dots(at.vectors, stride, from, count, at.query, at.products);
      return products.subarray(0, count);
    },
  };
}
