import { describe, expect, it } from 'vitest';
import { json_query } from './tool';

const DOC = JSON.stringify({
  store: 'Corner Shop',
  items: [
    { name: 'apple', price: 0.5, tags: ['fruit'] },
    { name: 'bread', price: 2.25 },
    { name: 'milk' },
  ],
  owner: { name: 'Ana', 'full name': 'Ana Silva', address: { city: 'Lisboa' } },
  empty: [],
});

const query = (path: string) => json_query({ json: DOC, path });

describe('json_query', () => {
  it('selects nested keys and array elements', () => {
    expect(query('items[0].name')).toEqual({ value: 'apple', count: 1 });
    expect(query('owner.address.city').value).toBe('Lisboa');
    expect(query('items[0].tags[0]').value).toBe('fruit');
    expect(query('items.1.price').value).toBe(2.25);
  });
  it('collects a field from every element with a wildcard, skipping elements without it', () => {
    expect(query('items[*].price')).toEqual({ value: [0.5, 2.25], count: 2 });
    expect(query('items[*].name').value).toEqual(['apple', 'bread', 'milk']);
    expect(query('owner.*').count).toBe(3);
    expect(query('empty[*]')).toEqual({ value: [], count: 0 });
  });
  it('accepts $ prefixes, negative indexes and quoted keys', () => {
    expect(query('$.items[-1].name').value).toBe('milk');
    expect(query('owner["full name"]').value).toBe('Ana Silva');
    expect(query("$['store']").value).toBe('Corner Shop');
  });
  it('returns the whole document for an empty path or $', () => {
    expect(json_query({ json: '[1,2]', path: '' })).toEqual({ value: [1, 2], count: 1 });
    expect(json_query({ json: '"just text"', path: '$' }).value).toBe('just text');
    expect(json_query({ json: '{"a":null}', path: 'a' })).toEqual({ value: null, count: 1 });
  });
  it('explains a path that does not exist', () => {
    expect(() => query('items[5].name')).toThrow('$.items[5] is out of range; $.items has 3 elements (indexes 0 to 2)');
    expect(() => query('owner.email')).toThrow('$.owner has no key "email" (its keys: name, full name, address)');
    expect(() => query('store.name')).toThrow('$.store is a string ("Corner Shop"), which has no key "name"');
    expect(() => query('items[2].price')).toThrow('has no key "price"');
  });
  it('does not find inherited properties', () => {
    expect(() => query('owner.constructor')).toThrow('has no key "constructor"');
    expect(() => query('items.length')).toThrow('use an index like [0]');
  });
  it('rejects invalid JSON and malformed paths', () => {
    expect(() => json_query({ json: '{"a": 1,}', path: 'a' })).toThrow('invalid JSON');
    expect(() => json_query({ json: '', path: '' })).toThrow('invalid JSON');
    expect(() => query('items[0')).toThrow('missing "]"');
    expect(() => query('items[abc]')).toThrow('not an index');
    expect(() => query('owner..name')).toThrow('a key name is missing');
  });
});
