import { describe, expect, it } from 'vitest';
import { what_percent } from './tool';

describe('what_percent', () => {
  it('finds that 30 is 25 percent of 120', () => {
    expect(what_percent({ part: 30, whole: 120 })).toBe(25);
  });
  it('handles parts larger than the whole', () => {
    expect(what_percent({ part: 150, whole: 100 })).toBe(150);
  });
  it('returns repeating fractions to full precision', () => {
    expect(what_percent({ part: 1, whole: 3 })).toBeCloseTo(33.333333333, 8);
  });
  it('hides floating-point noise', () => {
    expect(what_percent({ part: 0.07, whole: 0.1 })).toBe(70);
  });
  it('returns zero for a zero part and handles negative numbers', () => {
    expect(what_percent({ part: 0, whole: 50 })).toBe(0);
    expect(what_percent({ part: -5, whole: 20 })).toBe(-25);
  });
  it('refuses a zero whole', () => {
    expect(() => what_percent({ part: 5, whole: 0 })).toThrow('whole must not be zero');
  });
  it('rejects values that are not finite numbers', () => {
    expect(() => what_percent({ part: Number.NaN, whole: 2 })).toThrow('part must be a finite number');
    expect(() => what_percent({ part: 1, whole: Infinity })).toThrow('whole must be a finite number');
  });
});
