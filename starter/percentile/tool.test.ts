import { describe, expect, it } from 'vitest';
import { percentile } from './tool';

describe('percentile', () => {
  it('interpolates linearly between ranks', () => {
    expect(percentile({ percentile: 90, numbers: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).toBe(9.1);
    expect(percentile({ percentile: 25, numbers: [1, 2, 3, 4] })).toBe(1.75);
  });
  it('gives the median at the 50th percentile, in any input order', () => {
    expect(percentile({ percentile: 50, numbers: [7, 1, 3, 5] })).toBe(4);
    expect(percentile({ percentile: 50, numbers: [3, 1, 2] })).toBe(2);
  });
  it('returns the minimum at 0 and the maximum at 100', () => {
    expect(percentile({ percentile: 0, numbers: [4, -2, 9] })).toBe(-2);
    expect(percentile({ percentile: 100, numbers: [4, -2, 9] })).toBe(9);
  });
  it('supports the nearest-rank method', () => {
    const data = [15, 20, 35, 40, 50];
    expect(percentile({ percentile: 30, numbers: data, method: 'nearest_rank' })).toBe(20);
    expect(percentile({ percentile: 40, numbers: data, method: 'nearest_rank' })).toBe(20);
    expect(percentile({ percentile: 100, numbers: data, method: 'nearest_rank' })).toBe(50);
    expect(percentile({ percentile: 0, numbers: data, method: 'nearest_rank' })).toBe(15);
  });
  it('returns the only value of a one-element list', () => {
    expect(percentile({ percentile: 37, numbers: [42] })).toBe(42);
  });
  it('rejects percentiles outside 0 to 100', () => {
    expect(() => percentile({ percentile: 101, numbers: [1] })).toThrow('from 0 to 100');
    expect(() => percentile({ percentile: -1, numbers: [1] })).toThrow('from 0 to 100');
  });
  it('rejects empty or invalid data', () => {
    expect(() => percentile({ percentile: 50, numbers: [] })).toThrow('numbers is empty');
    expect(() => percentile({ percentile: 50, numbers: [1, Infinity] })).toThrow('numbers[1] must be a finite number');
    expect(() => percentile({ percentile: 50, numbers: [1], method: 'cubic' as 'linear' })).toThrow('method must be');
  });
});
