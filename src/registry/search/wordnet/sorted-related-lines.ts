/**
 * The thesaurus cache's `lemma\trelated related…` lines, sorted by lemma, looked up by binary search
 * over the text as read: parsing all ~65k lines into a map took 70–200 ms of a one-shot search and
 * 30–50 MB of heap, for the handful of lemmas a search asks about.
 */
export interface RelatedLines {
  readonly size: number;
  get(lemma: string): readonly string[] | undefined;
}

/** The lines of `related`, sorted by lemma (code-unit order, as `readRelatedLines` searches them), newline-terminated. */
export function writeRelatedLines(related: ReadonlyMap<string, readonly string[]>): string {
  const lemmas = [...related.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return lemmas.map((lemma) => `${lemma}\t${(related.get(lemma) ?? []).join(' ')}\n`).join('');
}

/** Looks lemmas up in `text`, lines as `writeRelatedLines` writes them; undefined when a line is malformed or out of order. */
export function readRelatedLines(text: string): RelatedLines | undefined {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    const tab = text.indexOf('\t', at);
    if (end < 0 || tab < 0 || tab > end) return undefined;
    starts.push(at);
    at = end + 1;
  }
  const lineStarts = Int32Array.from(starts);
  const lemmaAt = (line: number) => {
    const start = lineStarts[line] ?? 0;
    return text.slice(start, text.indexOf('\t', start));
  };
  for (let line = 1; line < lineStarts.length; line += 1) if (!(lemmaAt(line - 1) < lemmaAt(line))) return undefined;
  return {
    size: lineStarts.length,
    get(lemma) {
      let low = 0;
      let high = lineStarts.length - 1;
      while (low <= high) {
        const middle = (low + high) >>> 1;
        const found = lemmaAt(middle);
        if (found === lemma) {
          const start = (lineStarts[middle] ?? 0) + lemma.length + 1;
          return text.slice(start, text.indexOf('\n', start)).split(' ');
        }
        if (found < lemma) low = middle + 1;
        else high = middle - 1;
      }
      return undefined;
    },
  };
}
