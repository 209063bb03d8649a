/**
 * Nearest neighbours by cosine over vectors kept in memory: every vector's sign against a fixed set
 * of pseudo-random hyperplanes (SimHash) shortlists the candidates by Hamming distance, and the shortlist
 * is ranked by exact cosine, both on a WebAssembly kernel (`nearest-kernels.ts`). At 100k tools of
 * 512 dimensions a search takes ~0.8 ms in one thread (~2 ms in plain JavaScript), where PGlite's
 * HNSW scan took ~10 ms, most of it reading pages its buffer cache could not hold.
 */

import { createNearestKernels, SIGNATURE_BITS, SIGNATURE_WORDS } from './nearest-kernels.ts';

/** Candidates ranked exactly: at least this many, and `SHORTLIST_PER_RESULT` per result asked for. */
const MIN_SHORTLIST = 1_000;
const SHORTLIST_PER_RESULT = 40;
/** The first pass over a large index (its signatures' first `PREFIX_BITS`): share of the index kept, and the floor on what it keeps. */
const PREFILTER_SHARE = 0.1;
const PREFILTER_PER_COUNT = 8;

export interface VectorHit {
  name: string;
  similarity: number;
}

export interface MemoryVectorIndex {
  readonly dimensions: number;
  readonly size: number;
  /** Adds or replaces the tool's vector. A zero vector has no direction, so it is removed instead. */
  upsert(name: string, vector: Float32Array): void;
  remove(name: string): void;
  /** The `limit` tools most similar to `query`, best first (cosine similarity). */
  nearest(query: Float32Array, limit: number): VectorHit[];
  /** Cosine similarity of `query` to each named tool that has a vector. */
  similarities(query: Float32Array, names: readonly string[]): Map<string, number>;
  /** Names and unit vectors (packed, one per name), to rebuild it with `restore` (`vector-index-file.ts`). */
  contents(): { names: readonly string[]; vectors: Float32Array };
  /** Replaces everything with unit vectors from `contents()`. */
  restore(contents: { names: readonly string[]; vectors: Float32Array }): void;
}

/**
 * The hyperplanes are the rows of a Hadamard matrix after a fixed random sign flip of each
 * coordinate: orthogonal, random enough, and applied in O(d log d) (~5 µs at 512 dimensions) where
 * a dense random matrix took 0.15 ms a vector, 15 s to load 100k tools.
 */
function signFlips(length: number): Float32Array {
  let state = 0x9e3779b9;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state & 0x8000_0000 ? -1 : 1;
  });
}

/** In-place fast Walsh-Hadamard transform; `values.length` is a power of two. */
function walshHadamard(values: Float32Array): void {
  for (let half = 1; half < values.length; half *= 2) {
    for (let start = 0; start < values.length; start += half * 2) {
      for (let i = start; i < start + half; i++) {
        const a = values[i] ?? 0;
        const b = values[i + half] ?? 0;
        values[i] = a + b;
        values[i + half] = a - b;
      }
    }
  }
}

function invalidVector(reason: string): Error {
  return new RangeError(`invalid vector: ${reason}`);
}

/**
 * @example
 * const index = createMemoryVectorIndex({ dimensions: 3 });
 * index.upsert('add', Float32Array.of(1, 0, 0));
 * index.nearest(Float32Array.of(0.9, 0.1, 0), 1); // [{ name: 'add', similarity: 0.99… }]
 */
export function createMemoryVectorIndex(options: { dimensions: number }): MemoryVectorIndex {
  const dimensions = options.dimensions;
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw invalidVector(`dimensions must be a positive integer, not ${dimensions}`);
  // Padded to a power of two, and to at least one coordinate per signature bit.
  let padded = SIGNATURE_BITS;
  while (padded < dimensions) padded *= 2;
  const flips = signFlips(padded);
  const rotated = new Float32Array(padded);
  const slots = new Map<string, number>();
  const names: string[] = [];
  // Signatures, vectors and the scans' scratch space live in the kernels' memory, sized with the
  // index: a scan allocating ~140 KB at 100k tools made the index's thread stop for a full
  // collection every second or so.
  let kernels = createNearestKernels({ capacity: 16, dimensions });

  const normalized = (vector: Float32Array): Float32Array | undefined => {
    if (vector.length !== dimensions) throw invalidVector(`it has ${vector.length} dimensions, the index ${dimensions}`);
    let norm = 0;
    for (let i = 0; i < dimensions; i++) norm += (vector[i] ?? 0) * (vector[i] ?? 0);
    if (!Number.isFinite(norm)) throw invalidVector('it holds a value that is not a finite number');
    if (norm === 0) return undefined;
    const scale = 1 / Math.sqrt(norm);
    return vector.map((value) => value * scale);
  };

  const signatureOf = (vector: Float32Array, out: Uint32Array, at: number) => {
    rotated.fill(0);
    for (let i = 0; i < dimensions; i++) rotated[i] = (vector[i] ?? 0) * (flips[i] ?? 1);
    walshHadamard(rotated);
    for (let word = 0; word < SIGNATURE_WORDS; word++) {
      let bits = 0;
      for (let bit = 0; bit < 32; bit++) if ((rotated[word * 32 + bit] ?? 0) > 0) bits |= 1 << bit;
      out[at + word] = bits >>> 0;
    }
  };

  /** New kernels for at least `capacity` tools, with the present tools copied across. */
  const resize = (capacity: number) => {
    const next = createNearestKernels({ capacity, dimensions });
    next.signatures.set(kernels.signatures.subarray(0, names.length * SIGNATURE_WORDS));
    next.vectors.set(kernels.vectors.subarray(0, names.length * kernels.stride));
    kernels = next;
  };

  /** The query's unit vector and signature into the kernels' memory, for the next scan. */
  const setQuery = (direction: Float32Array) => {
    kernels.query.set(direction);
    signatureOf(direction, kernels.querySignature, 0);
  };

  const remove = (name: string) => {
    const slot = slots.get(name);
    if (slot === undefined) return;
    // The last tool moves into the freed slot, so slots stay dense.
    const last = names.length - 1;
    const moved = names[last];
    if (slot !== last && moved !== undefined) {
      const { stride, vectors, signatures } = kernels;
      vectors.copyWithin(slot * stride, last * stride, (last + 1) * stride);
      signatures.copyWithin(slot * SIGNATURE_WORDS, last * SIGNATURE_WORDS, (last + 1) * SIGNATURE_WORDS);
      names[slot] = moved;
      slots.set(moved, slot);
    }
    names.pop();
    slots.delete(name);
  };

  /**
   * Slots whose signatures are nearest the query's, at least `count` of them (ties at the cut all
   * come). A large index is first narrowed on the signatures' first `PREFIX_BITS` bits, to the
   * nearest `PREFILTER_SHARE` of it (never fewer than `PREFILTER_PER_COUNT` × `count`): a quarter
   * of the work per tool, and a true neighbour is far inside that cut on 64 bits alone.
   */
  const shortlist = (count: number): Int32Array => {
    const size = names.length;
    if (size <= count) return kernels.allBelow(size);
    const keep = Math.max(count * PREFILTER_PER_COUNT, Math.ceil(size * PREFILTER_SHARE));
    const candidates = keep >= size ? kernels.allBelow(size) : kernels.prefixWithin(size, keep);
    return kernels.nearestWithin(candidates, count);
  };

  return {
    dimensions,
    get size() {
      return names.length;
    },
    upsert(name, vector) {
      const direction = normalized(vector);
      if (direction === undefined) {
        remove(name);
        return;
      }
      let slot = slots.get(name);
      if (slot === undefined) {
        if (names.length === kernels.capacity) resize(kernels.capacity * 2);
        slot = names.length;
        names.push(name);
        slots.set(name, slot);
      }
      kernels.vectors.set(direction, slot * kernels.stride);
      signatureOf(direction, kernels.signatures, slot * SIGNATURE_WORDS);
    },
    remove,
    nearest(query, limit) {
      const direction = normalized(query);
      if (direction === undefined || limit <= 0) return [];
      setQuery(direction);
      const near = shortlist(Math.max(MIN_SHORTLIST, limit * SHORTLIST_PER_RESULT));
      const similarities = Float64Array.from(kernels.dots(near));
      // Only what can make the top `limit` becomes a hit: sorting a thousand objects cost more than the scan.
      const floor = near.length <= limit ? Number.NEGATIVE_INFINITY : (similarities.slice().sort()[near.length - limit] ?? Number.NEGATIVE_INFINITY);
      const hits: VectorHit[] = [];
      for (let i = 0; i < near.length; i++) {
        const similarity = similarities[i] ?? Number.NEGATIVE_INFINITY;
        if (similarity >= floor) hits.push({ name: names[near[i] ?? 0] ?? '', similarity });
      }
      // Ties fall by name, so the order does not depend on slots (which removals reshuffle).
      hits.sort((a, b) => b.similarity - a.similarity || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return hits.slice(0, limit);
    },
    contents() {
      const { stride, vectors } = kernels;
      const packed = new Float32Array(names.length * dimensions);
      if (stride === dimensions) packed.set(vectors.subarray(0, names.length * dimensions));
      else for (let slot = 0; slot < names.length; slot++) packed.set(vectors.subarray(slot * stride, slot * stride + dimensions), slot * dimensions);
      return { names: [...names], vectors: packed };
    },
    restore(contents) {
      if (contents.vectors.length !== contents.names.length * dimensions) throw invalidVector(`${contents.vectors.length} values are not ${contents.names.length} vectors of ${dimensions}`);
      const seen = new Set<string>();
      for (const name of contents.names) {
        if (seen.has(name)) throw invalidVector(`"${name}" appears twice`);
        seen.add(name);
      }
      let capacity = 16;
      while (capacity < contents.names.length) capacity *= 2;
      const next = createNearestKernels({ capacity, dimensions });
      const { stride, vectors, signatures } = next;
      contents.names.forEach((_, slot) => {
        const row = contents.vectors.subarray(slot * dimensions, (slot + 1) * dimensions);
        vectors.set(row, slot * stride);
        signatureOf(row, signatures, slot * SIGNATURE_WORDS);
      });
      kernels = next;
      slots.clear();
      names.length = 0;
      contents.names.forEach((name, slot) => {
        names.push(name);
        slots.set(name, slot);
      });
    },
    similarities(query, wanted) {
      const direction = normalized(query);
      const found = new Map<string, number>();
      if (direction === undefined) return found;
      const listed: number[] = [];
      const listedNames: string[] = [];
      for (const name of wanted) {
        const slot = slots.get(name);
        if (slot === undefined) continue;
        listed.push(slot);
        listedNames.push(name);
      }
      if (listed.length === 0) return found;
      setQuery(direction);
      const products = kernels.dots(listed);
      listedNames.forEach((name, i) => found.set(name, products[i] ?? 0));
      return found;
    },
  };
}
