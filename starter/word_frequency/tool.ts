export interface WordFrequencyOptions {
  text: string;
  top?: number;
  remove_stop_words?: boolean;
  min_length?: number;
  case_sensitive?: boolean;
}

export interface WordFrequency {
  total_words: number;
  unique_words: number;
  words: Array<{ word: string; count: number; percent: number }>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

const STOP_WORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves i'm you're he's she's it's we're they're i've you've we've they've i'd
  you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't aren't wasn't weren't hasn't haven't hadn't
  doesn't don't didn't won't wouldn't can't cannot couldn't shouldn't let's that's there's what's who's also may might
  must shall us`.split(/\s+/),
);

export function word_frequency(options: WordFrequencyOptions): WordFrequency {
  const { text, top = 10, remove_stop_words = false, min_length = 1, case_sensitive = false } = options;
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (!Number.isInteger(top) || top < 1 || top > 10000) throw new Error(`top must be a whole number from 1 to 10000, got ${String(top)}`);
  if (!Number.isInteger(min_length) || min_length < 1) throw new Error(`min_length must be a whole number of at least 1, got ${String(min_length)}`);
  const counts = new Map<string, number>();
  let total = 0;
  for (const raw of text.match(WORD) ?? []) {
    const word = (case_sensitive ? raw : raw.toLowerCase()).replace(/’/g, "'");
    if (Array.from(word).length < min_length) continue;
    if (remove_stop_words && STOP_WORDS.has(word.toLowerCase())) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    total++;
  }
  const words = [...counts.entries()]
    // Code-unit order for ties, so the result never depends on the host's locale.
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, top)
    .map(([word, count]) => ({ word, count, percent: Math.round((count / total) * 10000) / 100 }));
  return { total_words: total, unique_words: counts.size, words };
}
