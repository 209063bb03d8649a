/**
 * Nearest neighbours by cosine over vectors kept in memory: every vector's sign against a fixed set
 * of pseudo-random hyperplanes (SimHash) shortlists the candidates by Hamming distance, and the shortlist
 * is ranked by exact cosine. At 100k tools of 512 dimensions a search takes ~2 ms in one thread,
 * where PGlite's HNSW scan took ~10 ms, most of it reading pages its buffer cache could not hold.
 */

/** Random hyperplanes per vector: 256 bits, 32 bytes a tool. */
const SIGNATURE_BITS = 256;
const SIGNATURE_WORDS = SIGNATURE_BITS / 32;
/** Candidates ranked exactly: at least this many, and `SHORTLIST_PER_RESULT` per result asked for. */
const MIN_SHORTLIST = 1_000;
const SHORTLIST_PER_RESULT = 40;
/** The first pass over a large index: signature words compared, share of the index kept, and the floor on what it keeps. */
const PREFILTER_BITS = 64;
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

/** Bits set in each 16-bit number. */
const BITS_IN = (() => {
  const table = new Uint8Array(65_536);
  for (let i = 1; i < table.length; i++) table[i] = (i & 1) + (table[i >>> 1] ?? 0);
  return table;
})();

const bitsIn = (word: number) => (BITS_IN[word & 0xffff] ?? 0) + (BITS_IN[word >>> 16] ?? 0);

/** The smallest distance at or under which at least `count` entries of `histogram` fall. */
function cutFor(histogram: Uint32Array, count: number): number {
  let cut = 0;
  for (let seen = 0; cut < histogram.length - 1; cut++) {
    seen += histogram[cut] ?? 0;
    if (seen >= count) break;
  }
  return cut;
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
  let capacity = 16;
  let unit = new Float32Array(capacity * dimensions);
  let signatures = new Uint32Array(capacity * SIGNATURE_WORDS);
  // Scratch space of every scan, sized with the index: a scan allocating ~140 KB at 100k tools
  // made the index's thread stop for a full collection every second or so.
  let distances = new Uint16Array(capacity);
  let prefixes = new Uint8Array(capacity);
  let kept = new Int32Array(capacity);

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

  const grow = () => {
    capacity *= 2;
    const nextUnit = new Float32Array(capacity * dimensions);
    nextUnit.set(unit);
    unit = nextUnit;
    const nextSignatures = new Uint32Array(capacity * SIGNATURE_WORDS);
    nextSignatures.set(signatures);
    signatures = nextSignatures;
    distances = new Uint16Array(capacity);
    prefixes = new Uint8Array(capacity);
    kept = new Int32Array(capacity);
  };

  const cosineAt = (query: Float32Array, slot: number) => {
    const base = slot * dimensions;
    let dot = 0;
    for (let i = 0; i < dimensions; i++) dot += (unit[base + i] ?? 0) * (query[i] ?? 0);
    return dot;
  };

  const remove = (name: string) => {
    const slot = slots.get(name);
    if (slot === undefined) return;
    // The last tool moves into the freed slot, so slots stay dense.
    const last = names.length - 1;
    const moved = names[last];
    if (slot !== last && moved !== undefined) {
      unit.copyWithin(slot * dimensions, last * dimensions, (last + 1) * dimensions);
      signatures.copyWithin(slot * SIGNATURE_WORDS, last * SIGNATURE_WORDS, (last + 1) * SIGNATURE_WORDS);
      names[slot] = moved;
      slots.set(moved, slot);
    }
    names.pop();
    slots.delete(name);
  };

  /**
   * Slots whose signatures are nearest the query's, at least `count` of them (ties at the cut all
   * come). A large index is first narrowed on the signatures' first `PREFILTER_BITS` bits, to
   * the nearest `PREFILTER_SHARE` of it (never fewer than `PREFILTER_PER_COUNT` × `count`): a
   * quarter of the work per tool, and a true neighbour is far inside that cut on 64 bits alone.
   */
  const shortlist = (query: Float32Array, count: number): number[] => {
    const size = names.length;
    if (size <= count) return Array.from({ length: size }, (_, slot) => slot);
    const signature = new Uint32Array(SIGNATURE_WORDS);
    signatureOf(query, signature, 0);
    const keep = Math.max(count * PREFILTER_PER_COUNT, Math.ceil(size * PREFILTER_SHARE));
    let candidates: Int32Array;
    if (keep >= size) {
      for (let slot = 0; slot < size; slot++) kept[slot] = slot;
      candidates = kept.subarray(0, size);
    } else {
      // Two words, unrolled: this loop runs once per tool, so it is most of a search's time.
      const first = signature[0] ?? 0;
      const second = signature[1] ?? 0;
      const prefix = prefixes;
      const histogram = new Uint32Array(PREFILTER_BITS + 1);
      for (let slot = 0, at = 0; slot < size; slot++, at += SIGNATURE_WORDS) {
        const a = (signatures[at] ?? 0) ^ first;
        const b = (signatures[at + 1] ?? 0) ^ second;
        const distance = (BITS_IN[a & 0xffff] ?? 0) + (BITS_IN[a >>> 16] ?? 0) + (BITS_IN[b & 0xffff] ?? 0) + (BITS_IN[b >>> 16] ?? 0);
        prefix[slot] = distance;
        histogram[distance] = (histogram[distance] ?? 0) + 1;
      }
      const cut = cutFor(histogram, keep);
      let next = 0;
      for (let slot = 0; slot < size; slot++) if ((prefix[slot] ?? 0) <= cut) kept[next++] = slot;
      candidates = kept.subarray(0, next);
    }
    const histogram = new Uint32Array(SIGNATURE_BITS + 1);
    for (let i = 0; i < candidates.length; i++) {
      const at = (candidates[i] ?? 0) * SIGNATURE_WORDS;
      let distance = 0;
      for (let word = 0; word < SIGNATURE_WORDS; word++) distance += bitsIn((signatures[at + word] ?? 0) ^ (signature[word] ?? 0));
      distances[i] = distance;
      histogram[distance] = (histogram[distance] ?? 0) + 1;
    }
    const cut = cutFor(histogram, count);
    const slotsNear: number[] = [];
    for (let i = 0; i < candidates.length; i++) if ((distances[i] ?? 0) <= cut) slotsNear.push(candidates[i] ?? 0);
    return slotsNear;
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
        if (names.length === capacity) grow();
        slot = names.length;
        names.push(name);
        slots.set(name, slot);
      }
      unit.set(direction, slot * dimensions);
      signatureOf(direction, signatures, slot * SIGNATURE_WORDS);
    },
    remove,
    nearest(query, limit) {
      const direction = normalized(query);
      if (direction === undefined || limit <= 0) return [];
      const near = shortlist(direction, Math.max(MIN_SHORTLIST, limit * SHORTLIST_PER_RESULT));
      const similarities = new Float64Array(near.length);
      for (let i = 0; i < near.length; i++) similarities[i] = cosineAt(direction, near[i] ?? 0);
      // Only what can make the top `limit` becomes a hit: sorting a thousand objects cost more than the scan.
      const floor = near.length <= limit ? Number.NEGATIVE_INFINITY : (similarities.slice().sort()[near.length - limit] ?? Number.NEGATIVE_INFINITY);
      const hits: VectorHit[] = [];
      near.forEach((slot, i) => {
        const similarity = similarities[i] ?? Number.NEGATIVE_INFINITY;
        if (similarity >= floor) hits.push({ name: names[slot] ?? '', similarity });
      });
      // Ties fall by name, so the order does not depend on slots (which removals reshuffle).
      hits.sort((a, b) => b.similarity - a.similarity || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return hits.slice(0, limit);
    },
    contents() {
      return { names: [...names], vectors: unit.slice(0, names.length * dimensions) };
    },
    restore(contents) {
      if (contents.vectors.length !== contents.names.length * dimensions) throw invalidVector(`${contents.vectors.length} values are not ${contents.names.length} vectors of ${dimensions}`);
      slots.clear();
      names.length = 0;
      while (capacity < contents.names.length) capacity *= 2;
      unit = new Float32Array(capacity * dimensions);
      signatures = new Uint32Array(capacity * SIGNATURE_WORDS);
      distances = new Uint16Array(capacity);
      prefixes = new Uint8Array(capacity);
      kept = new Int32Array(capacity);
      unit.set(contents.vectors);
      contents.names.forEach((name, slot) => {
        if (slots.has(name)) throw invalidVector(`"${name}" appears twice`);
        names.push(name);
        slots.set(name, slot);
        signatureOf(unit.subarray(slot * dimensions, (slot + 1) * dimensions), signatures, slot * SIGNATURE_WORDS);
      });
    },
    similarities(query, wanted) {
      const direction = normalized(query);
      const found = new Map<string, number>();
      if (direction === undefined) return found;
      for (const name of wanted) {
        const slot = slots.get(name);
        if (slot !== undefined) found.set(name, cosineAt(direction, slot));
      }
      return found;
    },
  };
}
