import { describe, expect, it } from 'vitest';
import { word_frequency } from './tool';

describe('word_frequency', () => {
  it('counts words case-insensitively, most frequent first', () => {
    expect(word_frequency({ text: 'The cat and the hat. THE END, cat!' })).toEqual({
      total_words: 8,
      unique_words: 5,
      words: [
        { word: 'the', count: 3, percent: 37.5 },
        { word: 'cat', count: 2, percent: 25 },
        { word: 'and', count: 1, percent: 12.5 },
        { word: 'end', count: 1, percent: 12.5 },
        { word: 'hat', count: 1, percent: 12.5 },
      ],
    });
  });
  it('returns only the top N words, ties alphabetically', () => {
    const result = word_frequency({ text: 'b a c b a d', top: 2 });
    expect(result.words.map((entry) => entry.word)).toEqual(['a', 'b']);
    expect(result.unique_words).toBe(4);
  });
  it('removes stop words when asked', () => {
    const result = word_frequency({ text: "The data is in the data store and it's fast", remove_stop_words: true });
    expect(result.words.map((entry) => entry.word)).toEqual(['data', 'fast', 'store']);
    expect(result.total_words).toBe(4);
  });
  it('filters short words and can count case-sensitively', () => {
    expect(word_frequency({ text: 'I am so very happy', min_length: 3 }).words.map((e) => e.word)).toEqual(['happy', 'very']);
    expect(word_frequency({ text: 'Apple apple', case_sensitive: true }).unique_words).toBe(2);
  });
  it('keeps contractions and non-Latin words whole', () => {
    const result = word_frequency({ text: "Don't stop. Don’t! größe Größe 東京" });
    expect(result.words).toEqual([
      { word: "don't", count: 2, percent: 33.33 },
      { word: 'größe', count: 2, percent: 33.33 },
      { word: 'stop', count: 1, percent: 16.67 },
      { word: '東京', count: 1, percent: 16.67 },
    ]);
  });
  it('returns empty counts for text without words', () => {
    expect(word_frequency({ text: '' })).toEqual({ total_words: 0, unique_words: 0, words: [] });
    expect(word_frequency({ text: '... !!!' }).words).toHaveLength(0);
  });
  it('rejects invalid options', () => {
    expect(() => word_frequency({ text: 'a', top: 0 })).toThrow('top must be a whole number from 1 to 10000');
    expect(() => word_frequency({ text: 'a', min_length: 0.5 })).toThrow('min_length must be a whole number');
    expect(() => word_frequency({ text: [] as unknown as string })).toThrow('text must be a string');
  });
});
