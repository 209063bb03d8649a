export interface TextStatistics {
  characters: number;
  characters_no_spaces: number;
  words: number;
  sentences: number;
  lines: number;
  paragraphs: number;
  average_word_length: number;
  reading_time_seconds: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu;

export function text_statistics({ text, words_per_minute = 200 }: { text: string; words_per_minute?: number }): TextStatistics {
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (typeof words_per_minute !== 'number' || !Number.isFinite(words_per_minute) || words_per_minute <= 0) {
    throw new Error(`words_per_minute must be a positive number, got ${String(words_per_minute)}`);
  }
  const words = text.match(WORD) ?? [];
  const letters = words.reduce((sum, word) => sum + (word.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
  return {
    characters: Array.from(text).length,
    characters_no_spaces: Array.from(text.replace(/\s+/gu, '')).length,
    words: words.length,
    sentences: countSentences(text),
    lines: text === '' ? 0 : text.split(/\r\n|\r|\n/).length,
    paragraphs: text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).filter((block) => block.trim() !== '').length,
    average_word_length: words.length === 0 ? 0 : Math.round((letters / words.length) * 100) / 100,
    reading_time_seconds: Math.round((words.length / words_per_minute) * 60),
  };
}

function countSentences(text: string): number {
  // A sentence ends at a run of . ! ? … followed by whitespace or the end; trailing text without one still counts.
  const pieces = text.split(/[.!?…]+(?=\s|$)/u);
  return pieces.filter((piece) => /[\p{L}\p{N}]/u.test(piece)).length;
}
