import { describe, expect, it } from 'vitest';
import { calculate } from './tool';

const calc = (expression: string) => calculate({ expression });

describe('calculate', () => {
  it('respects operator precedence and parentheses', () => {
    expect(calc('2 + 3 * 4')).toBe(14);
    expect(calc('(2 + 3) * 4')).toBe(20);
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('100 / 10 / 5')).toBe(2);
  });
  it('evaluates powers right-associatively and above unary minus', () => {
    expect(calc('2^10')).toBe(1024);
    expect(calc('2 ** 3 ^ 2')).toBe(512);
    expect(calc('-2^2')).toBe(-4);
    expect(calc('(-2)^2')).toBe(4);
    expect(calc('2^-1')).toBe(0.5);
  });
  it('handles unary minus, decimals and scientific notation', () => {
    expect(calc('-3.5 * -2')).toBe(7);
    expect(calc('--4')).toBe(4);
    expect(calc('.5 + 1.25')).toBe(1.75);
    expect(calc('1.5e3 / 3')).toBe(500);
  });
  it('reads % as remainder between operands and as percent otherwise', () => {
    expect(calc('17 % 5')).toBe(2);
    expect(calc('20%')).toBe(0.2);
    expect(calc('50% * 80')).toBe(40);
    expect(calc('200 * 15%')).toBe(30);
  });
  it('accepts typographic operators', () => {
    expect(calc('6 × 7')).toBe(42);
    expect(calc('9 ÷ 3 − 1')).toBe(2);
  });
  it('hides floating-point noise', () => {
    expect(calc('0.1 + 0.2')).toBe(0.3);
    expect(calc('1 - 0.9')).toBe(0.1);
  });
  it('knows constants and functions', () => {
    expect(calc('sqrt(16) + abs(-2)')).toBe(6);
    expect(calc('2 * pi')).toBeCloseTo(6.283185307, 8);
    expect(calc('log(1000) + ln(e)')).toBe(4);
    expect(calc('round(2.5) + floor(-1.5) + ceil(1.2)')).toBe(3);
  });
  it('refuses division and remainder by zero', () => {
    expect(() => calc('1 / 0')).toThrow('division by zero');
    expect(() => calc('5 % (2 - 2)')).toThrow('remainder (%) by zero');
  });
  it('explains malformed expressions', () => {
    expect(() => calc('')).toThrow('expression is empty');
    expect(() => calc('2 +')).toThrow('ends too early');
    expect(() => calc('(1 + 2')).toThrow('missing ")"');
    expect(() => calc('1 + 2)')).toThrow('unbalanced ")"');
    expect(() => calc('2(3)')).toThrow('put an operator between values');
    expect(() => calc('1,000 + 1')).toThrow('thousands separator');
  });
  it('never evaluates code', () => {
    expect(() => calc('alert(1)')).toThrow('unknown name "alert"');
    expect(() => calc('process.exit()')).toThrow(/unexpected character|unknown name/);
    expect(() => calc('2; 3')).toThrow('unexpected character ";"');
  });
  it('rejects results that are not real or finite', () => {
    expect(() => calc('sqrt(-1)')).toThrow('not a real number');
    expect(() => calc('(-8)^(1/3)')).toThrow('not a real number');
    expect(() => calc('10^400')).toThrow('too large');
  });
  it('limits nesting depth', () => {
    expect(() => calc('('.repeat(300) + '1' + ')'.repeat(300))).toThrow('nests too deeply');
    expect(calc('('.repeat(50) + '1' + ')'.repeat(50))).toBe(1);
  });
});
