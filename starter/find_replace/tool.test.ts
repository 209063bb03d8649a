import { describe, expect, it } from 'vitest';
import { find_replace } from './tool';

describe('find_replace', () => {
  it('replaces every occurrence of literal text and counts them', () => {
    expect(find_replace({ text: 'the cat and the hat', find: 'the', replace: 'a' })).toEqual({ text: 'a cat and a hat', replacements: 2 });
  });
  it('replaces only the first occurrence when asked', () => {
    expect(find_replace({ text: 'a-b-c', find: '-', replace: '+', replace_all: false })).toEqual({ text: 'a+b-c', replacements: 1 });
  });
  it('treats regex characters and $ literally in literal mode', () => {
    expect(find_replace({ text: 'price: 1.5 (USD)', find: '(USD)', replace: '$&$1' })).toEqual({ text: 'price: 1.5 $&$1', replacements: 1 });
    expect(find_replace({ text: 'a.b.c', find: '.', replace: '' }).text).toBe('abc');
  });
  it('ignores case when asked', () => {
    expect(find_replace({ text: 'Apple apple APPLE', find: 'apple', replace: 'pear', ignore_case: true })).toEqual({ text: 'pear pear pear', replacements: 3 });
  });
  it('supports regular expressions with numbered and named groups', () => {
    expect(find_replace({ text: '2024-03-15', find: '(\\d+)-(\\d+)-(\\d+)', replace: '$3/$2/$1', use_regex: true }).text).toBe('15/03/2024');
    expect(find_replace({ text: 'John Smith', find: '(?<first>\\w+) (?<last>\\w+)', replace: '$<last>, $<first>', use_regex: true }).text).toBe('Smith, John');
    expect(find_replace({ text: 'a1b22c333', find: '\\d+', replace: '#', use_regex: true })).toEqual({ text: 'a#b#c#', replacements: 3 });
  });
  it('supports regex flags such as multiline', () => {
    expect(find_replace({ text: 'one\ntwo', find: '^', replace: '> ', use_regex: true, flags: 'm' }).text).toBe('> one\n> two');
  });
  it('handles Unicode text and no matches', () => {
    expect(find_replace({ text: 'café ☕ café', find: 'café', replace: 'tea' })).toEqual({ text: 'tea ☕ tea', replacements: 2 });
    expect(find_replace({ text: 'nothing here', find: 'xyz', replace: 'q' })).toEqual({ text: 'nothing here', replacements: 0 });
    expect(find_replace({ text: '', find: 'a', replace: 'b' })).toEqual({ text: '', replacements: 0 });
  });
  it('rejects an empty search, a bad pattern or bad flags', () => {
    expect(() => find_replace({ text: 'x', find: '', replace: 'y' })).toThrow('find must not be empty');
    expect(() => find_replace({ text: 'x', find: '(unclosed', replace: 'y', use_regex: true })).toThrow('not a valid regular expression');
    expect(() => find_replace({ text: 'x', find: 'x', replace: 'y', use_regex: true, flags: 'q' })).toThrow('flags may contain only');
    expect(() => find_replace({ text: 'x', find: 'x', replace: 'y', flags: 'm' })).toThrow('only with use_regex');
  });
});
