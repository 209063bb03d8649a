import { describe, expect, it } from 'vitest';
import { readRelatedLines, writeRelatedLines } from './sorted-related-lines.ts';

describe('sorted related lines', () => {
  it('finds every lemma written, and nothing else', () => {
    let state = 3;
    const next = (limit: number) => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state % limit;
    };
    const word = () => Array.from({ length: 1 + next(9) }, () => 'abcdefghijklmnopqrstuvwxyz_-'[next(28)]).join('');
    const related = new Map<string, string[]>();
    while (related.size < 2_000) related.set(word(), Array.from({ length: 1 + next(6) }, word));
    const lines = readRelatedLines(writeRelatedLines(related));
    expect(lines?.size).toBe(related.size);
    for (const [lemma, words] of related) expect(lines?.get(lemma)).toEqual(words);
    for (let i = 0; i < 500; i += 1) {
      const other = `${word()}${word()}`;
      if (!related.has(other)) expect(lines?.get(other)).toBeUndefined();
    }
    expect(lines?.get('')).toBeUndefined();
  });

  it('reads an empty list', () => {
    expect(readRelatedLines(writeRelatedLines(new Map()))?.size).toBe(0);
  });

  it('refuses lines out of order, without a tab, or a last line without its newline, so the cache is rebuilt', () => {
    expect(readRelatedLines('table\tdesk\nchair\tseat\n')).toBeUndefined();
    expect(readRelatedLines('chair seat\ntable\tdesk\n')).toBeUndefined();
    expect(readRelatedLines('chair\tseat\ntable\tdesk')).toBeUndefined();
    expect(readRelatedLines('chair\tseat\ntable\tdesk\n')?.get('table')).toEqual(['desk']);
  });
});
