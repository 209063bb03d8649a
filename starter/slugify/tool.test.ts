import { describe, expect, it } from 'vitest';
import { slugify } from './tool';

describe('slugify', () => {
  it('lower-cases words and joins them with hyphens', () => {
    expect(slugify({ text: 'Hello, World!' })).toBe('hello-world');
    expect(slugify({ text: '  10 Tips   for   Beginners  ' })).toBe('10-tips-for-beginners');
  });
  it('removes accents and transliterates special letters', () => {
    expect(slugify({ text: 'Crème Brûlée à la Française' })).toBe('creme-brulee-a-la-francaise');
    expect(slugify({ text: 'Straße Øresund Łódź' })).toBe('strasse-oresund-lodz');
  });
  it('spells out ampersands and drops apostrophes inside words', () => {
    expect(slugify({ text: "Tom & Jerry's Café" })).toBe('tom-and-jerrys-cafe');
  });
  it('keeps letters of non-Latin scripts', () => {
    expect(slugify({ text: 'Привет, мир' })).toBe('привет-мир');
    expect(slugify({ text: '東京 2024' })).toBe('東京-2024');
  });
  it('supports other separators and keeping case', () => {
    expect(slugify({ text: 'My File Name', separator: '_' })).toBe('my_file_name');
    expect(slugify({ text: 'My File Name', lowercase: false })).toBe('My-File-Name');
  });
  it('cuts long slugs at a word boundary', () => {
    expect(slugify({ text: 'the quick brown fox jumps', max_length: 15 })).toBe('the-quick-brown');
    expect(slugify({ text: 'the quick brown fox jumps', max_length: 12 })).toBe('the-quick');
    expect(slugify({ text: 'supercalifragilistic', max_length: 5 })).toBe('super');
  });
  it('returns an empty slug when there is nothing to keep', () => {
    expect(slugify({ text: '' })).toBe('');
    expect(slugify({ text: '!!! ??? ...' })).toBe('');
  });
  it('rejects invalid options', () => {
    expect(() => slugify({ text: 'a b', separator: '/' })).toThrow('separator must be one of');
    expect(() => slugify({ text: 'a b', max_length: 0 })).toThrow('max_length must be a whole number');
    expect(() => slugify({ text: null as unknown as string })).toThrow('text must be a string');
  });
});
