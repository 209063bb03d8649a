import { describe, expect, it } from 'vitest';
import { descriptionPhrases, hasValues, phraseMatch, withoutValues } from './value-phrases.ts';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('withoutValues', () => {
  it('leaves numbers, dates, times and lists out, and writes % as a word', () => {
    expect(squash(withoutValues('what is 20% of 80'))).toBe('what is percent of');
    expect(squash(withoutValues('what day of the week was 2024-02-29'))).toBe('what day of the week was');
    expect(squash(withoutValues('summarize these numbers: 4, 8, 15, 16, 23, 42'))).toBe('summarize these numbers: , , , , ,');
    expect(squash(withoutValues('what is 1:45:30 in seconds, $1,200.50 or 1.5e3'))).toBe('what is in seconds, or');
  });
  it('keeps numbers that are part of a word, and a text that is nothing but values', () => {
    expect(squash(withoutValues('p95 of sha256 and 1h30m'))).toBe('p95 of sha256 and 1h30m');
    expect(withoutValues('what is 17 * 23')).toBe('what is 17 * 23');
    expect(hasValues('p95 latency')).toBe(false);
    expect(hasValues('the 90th percentile')).toBe(true);
  });
});

describe('phraseMatch', () => {
  const percentOf = descriptionPhrases('Calculates a percentage of a number: what is X percent of Y.');
  const whatPercent = descriptionPhrases('Finds what percent one number is of another: X is what percentage of Y, X out of Y as a percent.');
  it('tells "X percent of Y" from "X is what percent of Y" by the words around the values', () => {
    expect(phraseMatch({ query: 'What is 10 percent of 300?', phrases: percentOf })).toBe(1);
    expect(phraseMatch({ query: 'What is 10 percent of 300?', phrases: whatPercent })).toBeLessThan(0.5);
    expect(phraseMatch({ query: '30 is what percent of 120?', phrases: whatPercent })).toBe(1);
    expect(phraseMatch({ query: '30 is what percent of 120?', phrases: percentOf })).toBeLessThan(1);
  });
  it('reads example values in a description as slots, not as digits to match', () => {
    const phrases = descriptionPhrases('for example 15 percent of 300 is 45');
    expect(phraseMatch({ query: 'what is 10% of 80', phrases })).toBeGreaterThan(0.5);
  });
  it('is 0 for a query without values', () => {
    expect(phraseMatch({ query: 'what is a percent of a number', phrases: percentOf })).toBe(0);
  });
});
