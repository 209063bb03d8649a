import { describe, expect, it } from 'vitest';
import { convert_units } from './tool';

const convert = (value: number, from: string, to: string) => convert_units({ value, from, to }).value;

describe('convert_units', () => {
  it('converts lengths between metric and imperial', () => {
    expect(convert(5, 'km', 'mi')).toBeCloseTo(3.10686, 5);
    expect(convert(12, 'inches', 'cm')).toBe(30.48);
    expect(convert(1, 'mile', 'feet')).toBe(5280);
    expect(convert_units({ value: 3, from: 'ft', to: 'm' })).toEqual({ value: 0.9144, from: 'ft', to: 'm', category: 'length' });
  });
  it('converts mass and volume', () => {
    expect(convert(1, 'kg', 'lb')).toBeCloseTo(2.20462, 5);
    expect(convert(16, 'oz', 'pounds')).toBe(1);
    expect(convert(1, 'gallon', 'liters')).toBeCloseTo(3.78541, 5);
    expect(convert(1, 'cup', 'tbsp')).toBe(16);
    expect(convert(2, 'l', 'ml')).toBe(2000);
  });
  it('converts temperatures with offsets', () => {
    expect(convert(100, '°C', '°F')).toBe(212);
    expect(convert(32, 'fahrenheit', 'celsius')).toBe(0);
    expect(convert(-40, 'F', 'C')).toBe(-40);
    expect(convert(0, 'K', 'C')).toBe(-273.15);
    expect(convert(98.6, 'degrees F', 'C')).toBe(37);
  });
  it('converts speeds, areas and times', () => {
    expect(convert(100, 'km/h', 'm/s')).toBeCloseTo(27.7778, 4);
    expect(convert(60, 'mph', 'kilometers per hour')).toBeCloseTo(96.56064, 5);
    expect(convert(1, 'acre', 'square feet')).toBeCloseTo(43560, 6);
    expect(convert(1, 'hectare', 'm²')).toBe(10000);
    expect(convert(90, 'minutes', 'hours')).toBe(1.5);
    expect(convert(2, 'weeks', 'days')).toBe(14);
  });
  it('distinguishes SI and binary data prefixes and bits from bytes', () => {
    expect(convert(1, 'GiB', 'MiB')).toBe(1024);
    expect(convert(1, 'GB', 'MB')).toBe(1000);
    expect(convert(1, 'GiB', 'GB')).toBe(1.073741824);
    expect(convert(100, 'Mbit', 'MB')).toBe(12.5);
    expect(convert(8, 'bits', 'bytes')).toBe(1);
  });
  it('accepts plurals, spaces, case variants and micro signs', () => {
    expect(convert(2, ' Kilometers ', 'METERS')).toBe(2000);
    expect(convert(1, 'μm', 'nm')).toBe(1000);
    expect(convert(0, 'm', 'ft')).toBe(0);
    expect(convert(-3, 'm', 'cm')).toBe(-300);
  });
  it('refuses to convert between different kinds of quantity', () => {
    expect(() => convert(1, 'kg', 'm')).toThrow('cannot convert kg (mass) to m (length)');
    expect(() => convert(1, 'celsius', 'seconds')).toThrow('same kind of quantity');
  });
  it('names unknown and ambiguous units', () => {
    expect(() => convert(1, 'furlongs', 'm')).toThrow('unknown unit "furlongs"');
    expect(() => convert(1, 'mb', 'kB')).toThrow('ambiguous');
    expect(() => convert(1, 'kb', 'B')).toThrow('MB = megabyte, Mb = megabit');
    expect(() => convert(1, 'kb', 'B')).toThrow('MB = megabyte, Mb = megabit');
    expect(() => convert(1, '', 'm')).toThrow('from must name a unit');
  });
  it('rejects temperatures below absolute zero and non-finite values', () => {
    expect(() => convert(-300, 'C', 'F')).toThrow('below absolute zero');
    expect(() => convert(-1, 'K', 'C')).toThrow('below absolute zero');
    expect(() => convert(Number.NaN, 'm', 'cm')).toThrow('value must be a finite number');
  });
});
