import { describe, expect, it } from 'vitest';
import { percentage_change } from './tool';

describe('percentage_change', () => {
  it('reports an increase from 50 to 75 as 50 percent', () => {
    expect(percentage_change({ from: 50, to: 75 })).toEqual({ percent_change: 50, absolute_change: 25, direction: 'increase' });
  });
  it('reports a decrease as a negative percentage', () => {
    expect(percentage_change({ from: 200, to: 150 })).toEqual({ percent_change: -25, absolute_change: -50, direction: 'decrease' });
  });
  it('reports no change when the values are equal', () => {
    expect(percentage_change({ from: 8, to: 8 })).toEqual({ percent_change: 0, absolute_change: 0, direction: 'no change' });
  });
  it('uses the magnitude of a negative starting value', () => {
    const result = percentage_change({ from: -100, to: -50 });
    expect(result.percent_change).toBe(50);
    expect(result.direction).toBe('increase');
  });
  it('hides floating-point noise', () => {
    expect(percentage_change({ from: 0.1, to: 0.3 }).percent_change).toBe(200);
    expect(percentage_change({ from: 3, to: 4 }).percent_change).toBeCloseTo(33.3333333, 6);
  });
  it('treats zero to zero as no change', () => {
    expect(percentage_change({ from: 0, to: 0 }).percent_change).toBe(0);
  });
  it('refuses a change from zero to something else', () => {
    expect(() => percentage_change({ from: 0, to: 5 })).toThrow(/from 0 is undefined/);
  });
  it('rejects values that are not finite numbers', () => {
    expect(() => percentage_change({ from: Number.NaN, to: 1 })).toThrow('from must be a finite number');
    expect(() => percentage_change({ from: 1, to: -Infinity })).toThrow('to must be a finite number');
  });
});
