import { describe, expect, it } from 'vitest';
import { stem } from './stem.ts';

describe('stem', () => {
  it('brings inflected and derived forms of a word together (Porter2)', () => {
    expect(new Set(['analyze', 'analyzing', 'analyzed', 'analyzes'].map(stem)).size).toBe(1);
    expect(stem('rentals')).toBe(stem('rental'));
    expect(stem('renting')).toBe(stem('rent'));
  });
});
