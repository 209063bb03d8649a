import { describe, expect, it } from 'vitest';
import { extract_urls } from './tool';

describe('extract_urls', () => {
  it('finds http, https, ftp and www links in order', () => {
    const text = 'See https://example.com/docs?page=2#intro and http://test.org, ftp://files.example.net/a.zip or www.site.co.uk/path';
    expect(extract_urls({ text })).toEqual({
      urls: ['https://example.com/docs?page=2#intro', 'http://test.org', 'ftp://files.example.net/a.zip', 'www.site.co.uk/path'],
      count: 4,
    });
  });
  it('leaves out trailing sentence punctuation', () => {
    expect(extract_urls({ text: 'Go to https://example.com/a. Then https://example.com/b!' }).urls).toEqual(['https://example.com/a', 'https://example.com/b']);
  });
  it('keeps balanced brackets but drops a closing one the link did not open', () => {
    expect(extract_urls({ text: '(see https://en.wikipedia.org/wiki/Pi_(constant))' }).urls).toEqual(['https://en.wikipedia.org/wiki/Pi_(constant)']);
    expect(extract_urls({ text: '(details at https://example.com/x)' }).urls).toEqual(['https://example.com/x']);
  });
  it('stops at quotes and angle brackets', () => {
    expect(extract_urls({ text: '<a href="https://example.com/page">link</a> <https://other.io>' }).urls).toEqual(['https://example.com/page', 'https://other.io']);
  });
  it('removes duplicates unless asked not to', () => {
    const text = 'https://a.com https://a.com https://b.com';
    expect(extract_urls({ text }).urls).toEqual(['https://a.com', 'https://b.com']);
    expect(extract_urls({ text, unique: false }).count).toBe(3);
  });
  it('accepts hosts with ports, localhost and Unicode paths', () => {
    expect(extract_urls({ text: 'http://localhost:3000/api and https://例え.jp/パス' }).urls).toEqual(['http://localhost:3000/api', 'https://例え.jp/パス']);
  });
  it('ignores text that only resembles a link', () => {
    expect(extract_urls({ text: '' })).toEqual({ urls: [], count: 0 });
    expect(extract_urls({ text: 'http:// and www. alone, or user@www.example.com' }).urls).toEqual([]);
  });
  it('rejects invalid arguments', () => {
    expect(() => extract_urls({ text: 3 as unknown as string })).toThrow('text must be a string');
  });
});
