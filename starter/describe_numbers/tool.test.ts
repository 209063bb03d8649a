import { describe, expect, it } from 'vitest';
import { describe_numbers } from './tool';

describe('describe_numbers', () => {
  it('summarizes a textbook data set', () => {
    const stats = describe_numbers({ numbers: [2, 4, 4, 4, 5, 5, 7, 9] });
    expect(stats).toMatchObject({ count: 8, sum: 40, mean: 5, median: 4.5, mode: [4], min: 2, max: 9, range: 7 });
    expect(stats.variance_population).toBe(4);
    expect(stats.std_dev_population).toBe(2);
    expect(stats.variance_sample).toBeCloseTo(4.571428571, 8);
    expect(stats.std_dev_sample).toBeCloseTo(2.138089935, 8);
  });
  it('takes the middle value of an odd-length list regardless of order', () => {
    expect(describe_numbers({ numbers: [9, 1, 5] }).median).toBe(5);
  });
  it('handles a single value', () => {
    const stats = describe_numbers({ numbers: [7] });
    expect(stats).toMatchObject({ count: 1, mean: 7, median: 7, mode: [7], range: 0, variance_population: 0 });
    expect(stats.variance_sample).toBeNull();
    expect(stats.std_dev_sample).toBeNull();
  });
  it('reports every tied mode, and none when all values are equally frequent', () => {
    expect(describe_numbers({ numbers: [1, 1, 2, 2, 3] }).mode).toEqual([1, 2]);
    expect(describe_numbers({ numbers: [3, 1, 2] }).mode).toEqual([]);
    expect(describe_numbers({ numbers: [5, 5, 5] }).mode).toEqual([5]);
  });
  it('handles negative numbers and decimals without floating-point noise', () => {
    const stats = describe_numbers({ numbers: [-1.5, 0.1, 0.2] });
    expect(stats.sum).toBe(-1.2);
    expect(stats.mean).toBe(-0.4);
    expect(stats.min).toBe(-1.5);
    expect(stats.range).toBe(1.7);
  });
  it('stays accurate for large values close together', () => {
    const stats = describe_numbers({ numbers: [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16] });
    expect(stats.variance_sample).toBeCloseTo(30, 6);
  });
  it('rejects an empty list', () => {
    expect(() => describe_numbers({ numbers: [] })).toThrow('numbers is empty');
  });
  it('rejects values that are not finite numbers, naming the position', () => {
    expect(() => describe_numbers({ numbers: [1, Number.NaN] })).toThrow('numbers[1] must be a finite number');
    expect(() => describe_numbers({ numbers: [1, '2' as unknown as number] })).toThrow('numbers[1]');
    expect(() => describe_numbers({ numbers: 'not a list' as unknown as number[] })).toThrow('must be an array');
  });
});
