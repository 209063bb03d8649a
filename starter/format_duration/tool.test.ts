import { describe, expect, it } from 'vitest';
import { format_duration } from './tool';

describe('format_duration', () => {
  it('formats hours, minutes and seconds', () => {
    expect(format_duration({ seconds: 7503 })).toEqual({
      compact: '2h 5m 3s',
      words: '2 hours, 5 minutes, 3 seconds',
      clock: '02:05:03',
      iso8601: 'PT2H5M3S',
      parts: { days: 0, hours: 2, minutes: 5, seconds: 3 },
    });
  });
  it('includes days and keeps the clock counting hours past 24', () => {
    const result = format_duration({ seconds: 93784 });
    expect(result.compact).toBe('1d 2h 3m 4s');
    expect(result.clock).toBe('26:03:04');
    expect(result.iso8601).toBe('P1DT2H3M4S');
  });
  it('leaves out zero parts and uses singular words', () => {
    expect(format_duration({ seconds: 3600 })).toMatchObject({ compact: '1h', words: '1 hour', iso8601: 'PT1H' });
    expect(format_duration({ seconds: 86400 })).toMatchObject({ compact: '1d', iso8601: 'P1D', clock: '24:00:00' });
    expect(format_duration({ seconds: 61 }).words).toBe('1 minute, 1 second');
  });
  it('formats zero', () => {
    expect(format_duration({ seconds: 0 })).toMatchObject({ compact: '0s', words: '0 seconds', clock: '00:00:00', iso8601: 'PT0S' });
  });
  it('keeps fractions of a second to the millisecond', () => {
    expect(format_duration({ seconds: 1.5 })).toMatchObject({ compact: '1.5s', clock: '00:00:01.5', iso8601: 'PT1.5S' });
    expect(format_duration({ seconds: 0.1 + 0.2 }).compact).toBe('0.3s');
    expect(format_duration({ seconds: 59.9996 }).compact).toBe('1m');
  });
  it('rejects negative and non-finite input', () => {
    expect(() => format_duration({ seconds: -5 })).toThrow('must not be negative');
    expect(() => format_duration({ seconds: Number.NaN })).toThrow('seconds must be a finite number');
    expect(() => format_duration({ seconds: Infinity })).toThrow('seconds must be a finite number');
  });
});
