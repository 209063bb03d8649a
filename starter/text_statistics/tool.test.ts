import { describe, expect, it } from 'vitest';
import { text_statistics } from './tool';

describe('text_statistics', () => {
  it('counts words, characters and sentences', () => {
    const stats = text_statistics({ text: 'The cat sat. The dog ran!' });
    expect(stats).toMatchObject({ characters: 25, characters_no_spaces: 20, words: 6, sentences: 2, lines: 1, paragraphs: 1 });
    expect(stats.average_word_length).toBe(3);
  });
  it('counts contractions, hyphenated words and decimals as single words', () => {
    expect(text_statistics({ text: "Don't e-mail me 3.14 times" }).words).toBe(5);
  });
  it('counts lines and paragraphs with any line ending', () => {
    const stats = text_statistics({ text: 'First line\r\nsecond line\n\nNew paragraph\rlast' });
    expect(stats.lines).toBe(5);
    expect(stats.paragraphs).toBe(2);
  });
  it('counts a final sentence without punctuation and ignores stray dots', () => {
    expect(text_statistics({ text: 'Wait... what? No way' }).sentences).toBe(3);
    expect(text_statistics({ text: 'Version 2.0 is out.' }).sentences).toBe(1);
  });
  it('counts Unicode characters as users see them', () => {
    const stats = text_statistics({ text: 'héllo 😀 мир' });
    expect(stats.characters).toBe(11);
    expect(stats.words).toBe(2);
  });
  it('estimates reading time', () => {
    const text = Array.from({ length: 400 }, () => 'word').join(' ');
    expect(text_statistics({ text }).reading_time_seconds).toBe(120);
    expect(text_statistics({ text, words_per_minute: 100 }).reading_time_seconds).toBe(240);
  });
  it('returns zeros for empty or blank text', () => {
    expect(text_statistics({ text: '' })).toEqual({
      characters: 0, characters_no_spaces: 0, words: 0, sentences: 0, lines: 0, paragraphs: 0, average_word_length: 0, reading_time_seconds: 0,
    });
    expect(text_statistics({ text: '   ' })).toMatchObject({ characters: 3, words: 0, lines: 1, paragraphs: 0 });
  });
  it('rejects invalid arguments', () => {
    expect(() => text_statistics({ text: 42 as unknown as string })).toThrow('text must be a string');
    expect(() => text_statistics({ text: 'hi', words_per_minute: 0 })).toThrow('words_per_minute must be a positive number');
  });
});
