import { describe, expect, it } from 'vitest';
import { date_difference } from './tool';

describe('date_difference', () => {
  it('counts days, weeks, months and years between two dates', () => {
    expect(date_difference({ start: '2024-01-15', end: '2025-03-20' })).toEqual({
      days: 430,
      weeks: 61,
      months: 14,
      years: 1,
      breakdown: { years: 1, months: 2, days: 5 },
      text: '1 year, 2 months, 5 days',
    });
  });
  it('counts across leap days', () => {
    expect(date_difference({ start: '2024-02-28', end: '2024-03-01' }).days).toBe(2);
    expect(date_difference({ start: '2023-02-28', end: '2023-03-01' }).days).toBe(1);
    expect(date_difference({ start: '2000-01-01', end: '2001-01-01' }).days).toBe(366);
  });
  it('computes an age in whole years, including leap-day birthdays', () => {
    expect(date_difference({ start: '1990-06-15', end: '2024-06-14' }).years).toBe(33);
    expect(date_difference({ start: '1990-06-15', end: '2024-06-15' }).years).toBe(34);
    expect(date_difference({ start: '2020-02-29', end: '2021-02-28' }).years).toBe(1);
  });
  it('treats month ends consistently', () => {
    const result = date_difference({ start: '2024-01-31', end: '2024-02-29' });
    expect(result.months).toBe(1);
    expect(result.breakdown).toEqual({ years: 0, months: 1, days: 0 });
    expect(date_difference({ start: '2024-01-31', end: '2024-02-28' }).months).toBe(0);
  });
  it('returns zero for the same date', () => {
    expect(date_difference({ start: '2024-05-05', end: '2024-05-05' })).toMatchObject({ days: 0, weeks: 0, months: 0, years: 0, text: '0 days' });
  });
  it('returns negative counts when the end is before the start', () => {
    const result = date_difference({ start: '2024-03-10', end: '2024-01-01' });
    expect(result.days).toBe(-69);
    expect(result.weeks).toBe(-9);
    expect(result.months).toBe(-2);
    expect(result.text).toBe('minus 2 months, 9 days');
  });
  it('ignores a time part', () => {
    expect(date_difference({ start: '2024-01-01T23:59:00Z', end: '2024-01-02T00:01:00+09:00' }).days).toBe(1);
  });
  it('rejects dates that are malformed or do not exist', () => {
    expect(() => date_difference({ start: '01/15/2024', end: '2024-02-01' })).toThrow('start "01/15/2024" is not an ISO date');
    expect(() => date_difference({ start: '2023-02-29', end: '2024-02-01' })).toThrow('February 2023 has 28 days');
    expect(() => date_difference({ start: '2024-01-01', end: '2024-13-01' })).toThrow('month must be from 01 to 12');
  });
});
