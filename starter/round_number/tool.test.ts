import { describe, expect, it } from 'vitest';
import { round_number } from './tool';

describe('round_number', () => {
  it('rounds to a number of decimal places', () => {
    expect(round_number({ value: 3.14159, decimals: 2 })).toBe(3.14);
    expect(round_number({ value: 2.71828, decimals: 3 })).toBe(2.718);
  });
  it('rounds to a whole number by default, halves away from zero', () => {
    expect(round_number({ value: 2.5 })).toBe(3);
    expect(round_number({ value: -2.5 })).toBe(-3);
    expect(round_number({ value: 2.4999 })).toBe(2);
  });
  it('rounds the decimal the user typed, not its binary approximation', () => {
    expect(round_number({ value: 1.005, decimals: 2 })).toBe(1.01);
    expect(round_number({ value: 8.345, decimals: 2 })).toBe(8.35);
  });
  it('rounds to tens and hundreds with negative decimals', () => {
    expect(round_number({ value: 1234.5, decimals: -2 })).toBe(1200);
    expect(round_number({ value: 1250, decimals: -2 })).toBe(1300);
    expect(round_number({ value: 5, decimals: -1 })).toBe(10);
  });
  it('supports the other rounding modes', () => {
    expect(round_number({ value: 2.5, mode: 'half_even' })).toBe(2);
    expect(round_number({ value: 3.5, mode: 'half_even' })).toBe(4);
    expect(round_number({ value: 1.21, decimals: 1, mode: 'up' })).toBe(1.3);
    expect(round_number({ value: -1.21, decimals: 1, mode: 'down' })).toBe(-1.3);
    expect(round_number({ value: -1.29, decimals: 1, mode: 'truncate' })).toBe(-1.2);
  });
  it('returns zero rather than negative zero', () => {
    expect(Object.is(round_number({ value: -0.4 }), 0)).toBe(true);
    expect(round_number({ value: 0, decimals: 5 })).toBe(0);
  });
  it('leaves numbers that already fit unchanged', () => {
    expect(round_number({ value: 42, decimals: 2 })).toBe(42);
    expect(round_number({ value: 0.1, decimals: 15 })).toBe(0.1);
  });
  it('rejects invalid arguments with a clear message', () => {
    expect(() => round_number({ value: Number.NaN })).toThrow('value must be a finite number');
    expect(() => round_number({ value: 1, decimals: 1.5 })).toThrow('decimals must be a whole number');
    expect(() => round_number({ value: 1, decimals: 16 })).toThrow('from -15 to 15');
    expect(() => round_number({ value: 1, mode: 'sideways' as 'up' })).toThrow('mode must be one of');
  });
});
