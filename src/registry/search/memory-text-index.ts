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

/** A document's weighted term frequencies and length, kept so a removal can undo its counts and a compaction rebuild its postings. */
interface Slot {
  name: string;
  terms: Int32Array;
  frequencies: Float32Array;
  length: number;
}

function weightedTerms(texts: TextDocument['texts']): { terms: Int32Array; frequencies: Float32Array; length: number; words: string[] } {
  const counts = new Map<string, number>();
  let length = 0;
  for (const field of ['name', 'description', 'parameters'] as const) {
    const weight = FIELD_WEIGHTS[field];
    const terms = lexicalTerms(texts[field]);
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + weight);
    length += terms.length * weight;
  }
  return { terms: new Int32Array(counts.size), frequencies: Float32Array.from(counts.values()), length, words: [...counts.keys()] };
}

/**
 * Full-text search held in memory: BM25F over our own stems, every matching tool ranked (no budget
 * as the store's statement needs), in well under a millisecond at 100k tools. Postings are typed
 * arrays indexed by slot, so a search allocates little besides its accumulator scratch.
 */
export function createMemoryTextIndex(): MemoryTextIndex {
  const termIds = new Map<string, number>();
  const postings: Postings[] = [];
  /** Undefined once removed, until a compaction renumbers the slots. */
  let slots: Array<Slot | undefined> = [];
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
    if (list.length === list.slots.length) {
      const slotsGrown = new Int32Array(list.slots.length * 2);
      slotsGrown.set(list.slots);
      const frequenciesGrown = new Float32Array(list.slots.length * 2);
      frequenciesGrown.set(list.frequencies);
      list.slots = slotsGrown;
      list.frequencies = frequenciesGrown;
    }
    list.slots[list.length] = slot;
    list.frequencies[list.length] = frequency;
    list.length += 1;
  };

  const place = (slot: Slot) => {
    const at = slots.length;
    slots.push(slot);
    slotOf.set(slot.name, at);
    for (let i = 0; i < slot.terms.length; i += 1) append(postings[slot.terms[i] ?? 0] as Postings, at, slot.frequencies[i] ?? 0);
  };

  const remove = (name: string) => {
    const at = slotOf.get(name);
    if (at === undefined) return;
    const slot = slots[at] as Slot;
    for (const id of slot.terms) (postings[id] as Postings).live -= 1;
    totalLength -= slot.length;
    slots[at] = undefined;
    slotOf.delete(name);
  };

  /** Renumbers the live slots and rebuilds the postings without the removed ones. */
  const compact = () => {
    const live = slots.filter((slot): slot is Slot => slot !== undefined);
    slots = [];
    slotOf.clear();
    for (const list of postings) list.length = 0;
    for (const slot of live) place(slot);
  };

  return {
    get size() {
      return slotOf.size;
    },
    apply(changes) {
      for (const document of changes.upserts) {
        remove(document.name);
        const weighted = weightedTerms(document.texts);
        weighted.words.forEach((word, i) => (weighted.terms[i] = termId(word)));
        for (const id of weighted.terms) (postings[id] as Postings).live += 1;
        totalLength += weighted.length;
        place({ name: document.name, terms: weighted.terms, frequencies: weighted.frequencies, length: weighted.length });
      }
      for (const name of changes.removals) remove(name);
      if (slots.length - slotOf.size > COMPACT_AT_DEAD_SHARE * slots.length) compact();
    },
    search({ terms, limit }) {
      const held = slotOf.size;
      if (held === 0 || limit <= 0) return [];
      if (scores.length < slots.length) {
        scores = new Float64Array(slots.length);
        touched = new Int32Array(slots.length);
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
          const slot = slots[at];
          if (slot === undefined) continue;
          const frequency = list.frequencies[i] as number;
          const norm = K1 * (1 - B + (B * slot.length) / averageLength);
          if (scores[at] === 0) touched[touchedCount++] = at;
          scores[at] = (scores[at] as number) + (idf * frequency * (K1 + 1)) / (frequency + norm);
        }
      }
      const best = topSlots({ scores, touched, count: touchedCount, limit, nameOf: (at) => (slots[at] as Slot).name });
      for (let i = 0; i < touchedCount; i += 1) scores[touched[i] as number] = 0;
      return best.map((at) => (slots[at] as Slot).name);
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
