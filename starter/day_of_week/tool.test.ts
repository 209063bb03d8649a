import { describe, expect, it } from 'vitest';
import { day_of_week } from './tool';

describe('day_of_week', () => {
  it('names the weekday of a date', () => {
    expect(day_of_week({ date: '2024-07-04' })).toEqual({
      day_of_week: 'Thursday',
      iso_day_number: 4,
      is_weekend: false,
      day_of_year: 186,
      iso_week: 27,
      iso_week_year: 2024,
    });
  });
  it('recognises weekends', () => {
    expect(day_of_week({ date: '2024-06-01' })).toMatchObject({ day_of_week: 'Saturday', is_weekend: true, iso_day_number: 6 });
    expect(day_of_week({ date: '2024-06-02' })).toMatchObject({ day_of_week: 'Sunday', is_weekend: true, iso_day_number: 7 });
  });
  it('handles historic and far-future dates and leap days', () => {
    expect(day_of_week({ date: '1969-07-20' }).day_of_week).toBe('Sunday');
    expect(day_of_week({ date: '2000-02-29' }).day_of_week).toBe('Tuesday');
    expect(day_of_week({ date: '0001-01-01' }).day_of_week).toBe('Monday');
    expect(day_of_week({ date: '2100-12-31' }).day_of_week).toBe('Friday');
  });
  it('puts days around New Year in the right ISO week', () => {
    expect(day_of_week({ date: '2021-01-03' })).toMatchObject({ iso_week: 53, iso_week_year: 2020 });
    expect(day_of_week({ date: '2024-12-30' })).toMatchObject({ iso_week: 1, iso_week_year: 2025 });
    expect(day_of_week({ date: '2024-12-31' }).day_of_year).toBe(366);
  });
  it('ignores a time part and any time zone', () => {
    expect(day_of_week({ date: '2024-07-04T23:30:00-08:00' }).day_of_week).toBe('Thursday');
  });
  it('rejects malformed or impossible dates', () => {
    expect(() => day_of_week({ date: 'July 4, 2024' })).toThrow('not an ISO date');
    expect(() => day_of_week({ date: '2023-04-31' })).toThrow('April 2023 has 30 days');
    expect(() => day_of_week({ date: 20240704 as unknown as string })).toThrow('date must be a date string');
  });
});
