/**
 * A light suffix stripper, written for this project: plural, -ing, -ed, and a few derivational
 * endings, so "analyzing", "analyzed" and "analyze" meet. Deliberately weaker than Porter's: over-stemming
 * merges unrelated words ("news"/"new"), and the word vectors already bridge related forms.
 */
const rules: ReadonlyArray<readonly [suffix: string, replacement: string, minStem: number]> = [
  ['ational', 'ate', 3],
  ['ization', 'ize', 3],
  ['isation', 'ize', 3],
  ['fulness', 'ful', 3],
  ['iveness', 'ive', 3],
  ['ements', '', 4],
  ['ement', '', 4],
  ['ments', '', 4],
  ['ment', '', 4],
  ['ness', '', 3],
  ['ings', '', 3],
  ['ing', '', 3],
  ['ies', 'y', 2],
  ['ied', 'y', 2],
  ['sses', 'ss', 2],
  ['ed', '', 3],
  ['ly', '', 4],
];

const vowel = /[aeiouy]/;

export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  for (const [suffix, replacement, minStem] of rules) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length < minStem || !vowel.test(base)) continue;
    return tidy(base + replacement);
  }
  if (word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return tidy(word.slice(0, -1));
  return tidy(word);
}

/** Makes "run"/"running", "create"/"creating" meet: drop a final e and a doubled final consonant. */
function tidy(word: string): string {
  if (word.length > 4 && word.endsWith('e')) return word.slice(0, -1);
  if (word.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(word) && !/(ll|ss|zz)$/.test(word)) return word.slice(0, -1);
  return word;
}
