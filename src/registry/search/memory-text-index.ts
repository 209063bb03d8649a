import { lexicalTerms } from './lexical.ts';

/** A tool's searchable texts, as `searchTexts` gives them: name words, description, parameter names and descriptions. */
export interface TextDocument {
  name: string;
  texts: { name: string; description: string; parameters: string };
}

export interface MemoryTextIndex {
  /** Tools held. */
  readonly size: number;
  /** Adds or replaces `upserts`, then removes `removals` (a name not held is ignored). */
  apply(changes: { upserts: readonly TextDocument[]; removals: readonly string[] }): void;
  /**
   * The `limit` tools that score highest on `terms` (stemmed, as `lexicalTerms` makes them; any of
   * them matches), best first, ties by name. Terms no tool holds add nothing.
   */
  search(options: { terms: readonly string[]; limit: number }): string[];
}

/**
 * Field weights of the ranking, in units of a description word. A name is short and chosen to
 * say what the tool is (the store's lexical statistics count it twice too); parameter texts say
 * what a tool takes more than what it does, as their low weight in the full-text statement says.
 */
const FIELD_WEIGHTS = { name: 2, description: 1, parameters: 0.5 } as const;
const K1 = 1.2;
const B = 0.75;
/** Removed documents are left in the postings until they are this share of all held. */
const COMPACT_AT_DEAD_SHARE = 0.25;

/** A growable list of (slot, weighted term frequency) pairs. */
interface Postings {
  slots: Int32Array;
  frequencies: Float32Array;
  length: number;
  /** Live documents holding the term. */
  live: number;
}

function weightedTerms(texts: TextDocument['texts']): { counts: Map<string, number>; length: number } {
  const counts = new Map<string, number>();
  let length = 0;
  for (const field of ['name', 'description', 'parameters'] as const) {
    const weight = FIELD_WEIGHTS[field];
    const terms = lexicalTerms(texts[field]);
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + weight);
    length += terms.length * weight;
  }
  return { counts, length };
}

/** `array` with room for at least `needed` elements (doubling), its contents kept. */
function grown<T extends Int32Array | Float32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const larger = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2, 16));
  larger.set(array);
  return larger;
}

/**
 * Full-text search held in memory: BM25F over our own stems, every matching tool ranked (no budget
 * as the store's statement needs), in well under a millisecond at 100k tools. Everything a tool
 * holds lives in a few flat typed arrays indexed by slot, not in an object per tool: a search
 * allocates little, and the collector has a few large arrays to mark instead of 100k small objects.
 */
export function createMemoryTextIndex(): MemoryTextIndex {
  const termIds = new Map<string, number>();
  const postings: Postings[] = [];
  /** Per slot: its name (undefined once removed, until a compaction renumbers the slots), length, and where its terms sit in the pools. */
  let names: Array<string | undefined> = [];
  let lengths = new Float64Array(0);
  let termStarts = new Int32Array(0);
  let termCounts = new Int32Array(0);
  /** Every slot's term ids and weighted frequencies, end to end (a removed slot's stay until a compaction). */
  let poolTerms = new Int32Array(0);
  let poolFrequencies = new Float32Array(0);
  let poolLength = 0;
  const slotOf = new Map<string, number>();
  let totalLength = 0;
  let scores = new Float64Array(0);
  let touched = new Int32Array(0);

  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = postings.length;
      termIds.set(term, id);
      postings.push({ slots: new Int32Array(4), frequencies: new Float32Array(4), length: 0, live: 0 });
    }
    return id;
  };

  const append = (list: Postings, slot: number, frequency: number) => {
    list.slots = grown(list.slots, list.length + 1);
    list.frequencies = grown(list.frequencies, list.length + 1);
    list.slots[list.length] = slot;
    list.frequencies[list.length] = frequency;
    list.length += 1;
  };

  /** Puts a tool in a new slot whose terms are the pool's `start` .. `start + count`. */
  const place = (name: string, length: number, start: number, count: number) => {
    const at = names.length;
    names.push(name);
    lengths = grown(lengths, at + 1);
    termStarts = grown(termStarts, at + 1);
    termCounts = grown(termCounts, at + 1);
    lengths[at] = length;
    termStarts[at] = start;
    termCounts[at] = count;
    slotOf.set(name, at);
    for (let i = start; i < start + count; i += 1) append(postings[poolTerms[i] as number] as Postings, at, poolFrequencies[i] as number);
  };

  const remove = (name: string) => {
    const at = slotOf.get(name);
    if (at === undefined) return;
    const start = termStarts[at] as number;
    for (let i = start; i < start + (termCounts[at] as number); i += 1) (postings[poolTerms[i] as number] as Postings).live -= 1;
    totalLength -= lengths[at] as number;
    names[at] = undefined;
    slotOf.delete(name);
  };

  /** Renumbers the live slots and rebuilds the pools and postings without the removed ones. */
  const compact = () => {
    const live: number[] = [];
    names.forEach((name, at) => {
      if (name !== undefined) live.push(at);
    });
    const oldNames = names;
    const [oldLengths, oldStarts, oldCounts, oldTerms, oldFrequencies] = [lengths, termStarts, termCounts, poolTerms, poolFrequencies];
    names = [];
    lengths = new Float64Array(live.length);
    termStarts = new Int32Array(live.length);
    termCounts = new Int32Array(live.length);
    poolTerms = new Int32Array(poolLength);
    poolFrequencies = new Float32Array(poolLength);
    poolLength = 0;
    slotOf.clear();
    for (const list of postings) list.length = 0;
    for (const at of live) {
      const start = oldStarts[at] as number;
      const count = oldCounts[at] as number;
      poolTerms.set(oldTerms.subarray(start, start + count), poolLength);
      poolFrequencies.set(oldFrequencies.subarray(start, start + count), poolLength);
      place(oldNames[at] as string, oldLengths[at] as number, poolLength, count);
      poolLength += count;
    }
  };

  return {
    get size() {
      return slotOf.size;
    },
    apply(changes) {
      for (const document of changes.upserts) {
        remove(document.name);
        const { counts, length } = weightedTerms(document.texts);
        poolTerms = grown(poolTerms, poolLength + counts.size);
        poolFrequencies = grown(poolFrequencies, poolLength + counts.size);
        const start = poolLength;
        for (const [term, frequency] of counts) {
          const id = termId(term);
          (postings[id] as Postings).live += 1;
          poolTerms[poolLength] = id;
          poolFrequencies[poolLength] = frequency;
          poolLength += 1;
        }
        totalLength += length;
        place(document.name, length, start, counts.size);
      }
      for (const name of changes.removals) remove(name);
      if (names.length - slotOf.size > COMPACT_AT_DEAD_SHARE * names.length) compact();
    },
    search({ terms, limit }) {
      const held = slotOf.size;
      if (held === 0 || limit <= 0) return [];
      if (scores.length < names.length) {
        scores = new Float64Array(names.length);
        touched = new Int32Array(names.length);
      }
      const averageLength = totalLength / held || 1;
      let touchedCount = 0;
      for (const term of new Set(terms)) {
        const id = termIds.get(term);
        const list = id === undefined ? undefined : postings[id];
        if (list === undefined || list.live === 0) continue;
        // The "+1" form keeps idf positive for terms most tools hold.
        const idf = Math.log(1 + (held - list.live + 0.5) / (list.live + 0.5));
        for (let i = 0; i < list.length; i += 1) {
          const at = list.slots[i] as number;
          if (names[at] === undefined) continue;
          const frequency = list.frequencies[i] as number;
          const norm = K1 * (1 - B + (B * (lengths[at] as number)) / averageLength);
          if (scores[at] === 0) touched[touchedCount++] = at;
          scores[at] = (scores[at] as number) + (idf * frequency * (K1 + 1)) / (frequency + norm);
        }
      }
      const best = topSlots({ scores, touched, count: touchedCount, limit, nameOf: (at) => names[at] as string });
      for (let i = 0; i < touchedCount; i += 1) scores[touched[i] as number] = 0;
      return best.map((at) => names[at] as string);
    },
  };
}

/**
 * The `limit` best of the `count` first `touched` slots by score, then name, best first: a
 * bounded min-heap, since tens of thousands may match and only a few dozen are asked for.
 */
function topSlots(options: { scores: Float64Array; touched: Int32Array; count: number; limit: number; nameOf: (slot: number) => string }): number[] {
  const { scores, touched, count, limit, nameOf } = options;
  /** Whether `a` ranks below `b`: a lower score, or an equal one and a later name. */
  const below = (a: number, b: number) => {
    const difference = (scores[a] as number) - (scores[b] as number);
    return difference !== 0 ? difference < 0 : nameOf(a) > nameOf(b);
  };
  const heap: number[] = [];
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const lower = right < heap.length && below(heap[right] as number, heap[left] as number) ? right : left;
      if (!below(heap[lower] as number, heap[at] as number)) return;
      [heap[at], heap[lower]] = [heap[lower] as number, heap[at] as number];
      at = lower;
    }
  };
  for (let i = 0; i < count; i += 1) {
    const slot = touched[i] as number;
    if (heap.length < limit) {
      heap.push(slot);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!below(heap[at] as number, heap[parent] as number)) break;
        [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
        at = parent;
      }
    } else if (below(heap[0] as number, slot)) {
      heap[0] = slot;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
}
