import { describe, expect, it } from 'vitest';
import { parse_duration } from './tool';

const secondsOf = (text: string) => parse_duration({ text }).seconds;

describe('parse_duration', () => {
  it('parses compact forms', () => {
    expect(secondsOf('1h30m')).toBe(5400);
    expect(secondsOf('2d 4h')).toBe(187200);
    expect(secondsOf('1h 2m 3s')).toBe(3723);
    expect(secondsOf('500ms')).toBe(0.5);
  });
  it('parses words, plurals, abbreviations and "and"', () => {
    expect(secondsOf('90 minutes')).toBe(5400);
    expect(secondsOf('1 hour and 15 mins')).toBe(4500);
    expect(secondsOf('2 Hours, 30 Seconds')).toBe(7230);
    expect(secondsOf('2.5 hours')).toBe(9000);
    expect(secondsOf('1 week')).toBe(604800);
  });
  it('parses ISO 8601 durations', () => {
    expect(secondsOf('PT1H30M')).toBe(5400);
    expect(secondsOf('P2DT3H')).toBe(183600);
    expect(secondsOf('PT0.5S')).toBe(0.5);
    expect(secondsOf('pt45s')).toBe(45);
  });
  it('parses clock times and bare numbers', () => {
    expect(secondsOf('1:30:00')).toBe(5400);
    expect(secondsOf('05:30')).toBe(330);
    expect(secondsOf('42')).toBe(42);
    expect(secondsOf('0')).toBe(0);
  });
  it('reports the total in minutes, hours and days too', () => {
    expect(parse_duration({ text: '90 minutes' })).toEqual({ seconds: 5400, minutes: 90, hours: 1.5, days: 0.0625 });
  });
  it('refuses years and months, whose length varies', () => {
    expect(() => secondsOf('P1Y')).toThrow('no fixed length');
    expect(() => secondsOf('2 months')).toThrow('no fixed length');
  });
  it('explains input it cannot read', () => {
    expect(() => secondsOf('')).toThrow('text is empty');
    expect(() => secondsOf('soon')).toThrow('could not understand "soon"');
    expect(() => secondsOf('3 fortnights')).toThrow('unknown time unit "fortnights"');
    expect(() => secondsOf('PT')).toThrow('not a valid ISO 8601 duration');
    expect(() => secondsOf('1:75')).toThrow('below 60');
    expect(() => secondsOf('-5m')).toThrow('negative');
  });
});
