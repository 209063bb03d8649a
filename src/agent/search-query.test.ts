import { describe, expect, it } from 'vitest';
import { searchQueryOf } from './search-query.ts';

describe('searchQueryOf', () => {
  it('leaves quoted arguments out of the search', () => {
    expect(searchQueryOf("Reverse the string 'hello world'")).toBe('Reverse the string');
    expect(searchQueryOf('Reverse "Python", please')).toBe('Reverse, please');
  });
  it('keeps requests without quotes, and requests that are only a quote, as they are', () => {
    expect(searchQueryOf('What is 15 percent of 300?')).toBe('What is 15 percent of 300?');
    expect(searchQueryOf("'hello'")).toBe("'hello'");
  });
});
