import { describe, expect, it } from 'vitest';
import { percentage_of } from './tool';

describe('percentage_of', () => {
  it('takes 15 percent of 300', () => {
    expect(percentage_of({ percent: 15, value: 300 })).toBe(45);
  });
  it('handles fractional percentages without floating-point noise', () => {
    expect(percentage_of({ percent: 7.5, value: 80 })).toBe(6);
    expect(percentage_of({ percent: 10, value: 3 })).toBe(0.3);
  });
  it('handles percentages above 100 and negative values', () => {
    expect(percentage_of({ percent: 250, value: 40 })).toBe(100);
    expect(percentage_of({ percent: 20, value: -50 })).toBe(-10);
    expect(percentage_of({ percent: -5, value: 200 })).toBe(-10);
  });
  it('returns zero for zero percent or a zero value, never negative zero', () => {
    expect(percentage_of({ percent: 0, value: 123 })).toBe(0);
    expect(percentage_of({ percent: -10, value: 0 })).toBe(0);
  });
  it('keeps precision for small and large numbers', () => {
    expect(percentage_of({ percent: 1, value: 0.0003 })).toBeCloseTo(0.000003, 12);
    expect(percentage_of({ percent: 50, value: 1e20 })).toBe(5e19);
  });
  it('rejects values that are not finite numbers', () => {
    expect(() => percentage_of({ percent: Number.NaN, value: 10 })).toThrow('percent must be a finite number');
    expect(() => percentage_of({ percent: 10, value: Infinity })).toThrow('value must be a finite number');
    expect(() => percentage_of({ percent: '10' as unknown as number, value: 5 })).toThrow('percent must be a finite number');
  });
});
