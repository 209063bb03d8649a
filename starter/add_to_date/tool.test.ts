import { describe, expect, it } from 'vitest';
import { add_to_date } from './tool';

describe('add_to_date', () => {
  it('adds days across month and year boundaries', () => {
    expect(add_to_date({ date: '2024-01-15', amount: 90, unit: 'days' })).toEqual({ date: '2024-04-14', day_of_week: 'Sunday' });
    expect(add_to_date({ date: '2023-12-31', amount: 1, unit: 'day' }).date).toBe('2024-01-01');
  });
  it('counts February 29 in leap years', () => {
    expect(add_to_date({ date: '2024-02-28', amount: 1, unit: 'days' }).date).toBe('2024-02-29');
    expect(add_to_date({ date: '2023-02-28', amount: 1, unit: 'days' }).date).toBe('2023-03-01');
  });
  it('adds weeks', () => {
    expect(add_to_date({ date: '2024-03-01', amount: 2, unit: 'weeks' }).date).toBe('2024-03-15');
  });
  it('clamps month and year steps to the end of the month', () => {
    expect(add_to_date({ date: '2024-01-31', amount: 1, unit: 'month' }).date).toBe('2024-02-29');
    expect(add_to_date({ date: '2023-01-31', amount: 1, unit: 'months' }).date).toBe('2023-02-28');
    expect(add_to_date({ date: '2024-02-29', amount: 1, unit: 'years' }).date).toBe('2025-02-28');
    expect(add_to_date({ date: '2024-11-30', amount: 3, unit: 'months' }).date).toBe('2025-02-28');
  });
  it('subtracts with a negative amount', () => {
    expect(add_to_date({ date: '2024-03-01', amount: -1, unit: 'days' }).date).toBe('2024-02-29');
    expect(add_to_date({ date: '2024-01-15', amount: -2, unit: 'months' }).date).toBe('2023-11-15');
    expect(add_to_date({ date: '2024-01-15', amount: 0, unit: 'years' }).date).toBe('2024-01-15');
  });
  it('rejects a fractional amount or an unknown unit', () => {
    expect(() => add_to_date({ date: '2024-01-01', amount: 1.5, unit: 'days' })).toThrow('amount must be a whole number');
    expect(() => add_to_date({ date: '2024-01-01', amount: 1, unit: 'fortnights' })).toThrow('unit must be one of days, weeks, months, years');
  });
  it('rejects invalid dates and results out of range', () => {
    expect(() => add_to_date({ date: '2024-02-30', amount: 1, unit: 'days' })).toThrow('February 2024 has 29 days');
    expect(() => add_to_date({ date: 'tomorrow', amount: 1, unit: 'days' })).toThrow('not an ISO date');
    expect(() => add_to_date({ date: '9999-12-31', amount: 1, unit: 'days' })).toThrow('outside the years');
  });
});
