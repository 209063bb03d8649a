/**
 * USE-lite's tokenizer (SentencePiece pieces, best segmentation by their scores), giving the same
 * ids as `@energetic-ai/embeddings`' own `Tokenizer` over the same vocabulary, quirks included.
 *
 * Why not use that one: it builds a trie of objects (~5 MB of the encoder thread's heap) and
 * allocates ~100 KB a query (a copy of the rest of the text at every position). The encoder's
 * thread then collected garbage often enough to stall a search's sentence channel. This one keeps
 * its trie in a Map of numbers and typed arrays, and allocates little beyond the ids it returns.
 */

/** The vocabulary as the model package ships it: `[piece, score]`, the id being the position. */
export type UseLiteVocabulary = ReadonlyArray<readonly [string, number]>;

export interface UseLiteTokenizer {
  encode(text: string): number[];
}

/** Leading ids the package reserves (unknown, start, end, extras); they never match text. */
const RESERVED_IDS = 6;
/** The id of an unknown character, and its score. */
const UNKNOWN_ID = 0;
const UNKNOWN_SCORE = 0;
const WORD_START = '\u2581';
/** Trie edges are keyed `node × CODE_POINTS + code point`: exact in a double for any node count here. */
const CODE_POINTS = 0x110000;

export function createUseLiteTokenizer(vocabulary: UseLiteVocabulary): UseLiteTokenizer {
  const edges = new Map<number, number>();
  let nodes = 1;
  const pieceAt: number[] = [-1];
  const scoreAt: number[] = [0];
  for (let id = RESERVED_IDS; id < vocabulary.length; id++) {
    const [piece, score] = vocabulary[id] ?? ['', 0];
    let node = 0;
    for (const symbol of piece) {
      const key = node * CODE_POINTS + (symbol.codePointAt(0) ?? 0);
      let next = edges.get(key);
      if (next === undefined) {
        next = nodes++;
        edges.set(key, next);
        pieceAt.push(-1);
        scoreAt.push(0);
      }
      node = next;
    }
    // A piece listed twice keeps its last entry, as the package's trie does.
    if (node !== 0) {
      pieceAt[node] = id;
      scoreAt[node] = score;
    }
  }
  const pieces = Int32Array.from(pieceAt);
  const scores = Float64Array.from(scoreAt);
  // Backtracking steps back by each piece's length in UTF-16 units, as the package does.
  const lengths = Int32Array.from(vocabulary, ([piece]) => piece.length);

  let symbols = new Int32Array(256);
  let best = new Float64Array(257);
  let chosen = new Int32Array(257);

  return {
    encode(text) {
      const normalized = text.normalize('NFKC');
      const input = normalized.length > 0 ? WORD_START + normalized.replaceAll(' ', WORD_START) : normalized;
      let count = 0;
      for (let at = 0; at < input.length; ) {
        const codePoint = input.codePointAt(at) ?? 0;
        if (count === symbols.length) {
          const grown = new Int32Array(symbols.length * 2);
          grown.set(symbols);
          symbols = grown;
        }
        symbols[count++] = codePoint;
        at += codePoint > 0xffff ? 2 : 1;
      }
      if (best.length < count + 1) {
        best = new Float64Array(symbols.length + 1);
        chosen = new Int32Array(symbols.length + 1);
      }
      best.fill(0, 0, count + 1);
      chosen.fill(0, 0, count + 1);
      // Best segmentation of every prefix, offering each end its candidates in order of their start
      // (the package's order): 0 stands for "none yet", and a tie goes to the later candidate.
      const offer = (end: number, score: number, id: number) => {
        if ((best[end] ?? 0) === 0 || score >= (best[end] ?? 0)) {
          best[end] = score;
          chosen[end] = id;
        }
      };
      for (let start = 0; start < count; start++) {
        const before = best[start] ?? 0;
        let node = 0;
        let matched = false;
        for (let end = start; end < count; end++) {
          const next = edges.get(node * CODE_POINTS + (symbols[end] ?? 0));
          if (next === undefined) break;
          node = next;
          const id = pieces[node] ?? -1;
          if (id >= 0) {
            matched = true;
            offer(end + 1, (scores[node] ?? 0) + before, id);
          }
        }
        if (!matched) offer(start + 1, UNKNOWN_SCORE + before, UNKNOWN_ID);
      }
      const ids: number[] = [];
      for (let at = count; at > 0; at -= lengths[chosen[at] ?? 0] ?? 1) {
        const id = chosen[at] ?? UNKNOWN_ID;
        // A run of unknown characters becomes one unknown id.
        if (id !== UNKNOWN_ID || ids.at(-1) !== UNKNOWN_ID) ids.push(id);
      }
      return ids.reverse();
    },
  };
}
