import { describe, expect, it } from 'vitest';
import { is_palindrome } from './tool';

describe('is_palindrome', () => {
  it('recognises palindromic words and numbers', () => {
    expect(is_palindrome({ text: 'racecar' })).toEqual({ is_palindrome: true, normalized: 'racecar' });
    expect(is_palindrome({ text: '12321' }).is_palindrome).toBe(true);
    expect(is_palindrome({ text: 'abba' }).is_palindrome).toBe(true);
  });
  it('rejects words that are not palindromes', () => {
    expect(is_palindrome({ text: 'hello' }).is_palindrome).toBe(false);
    expect(is_palindrome({ text: '12345' }).is_palindrome).toBe(false);
  });
  it('ignores case, spaces and punctuation in phrases by default', () => {
    expect(is_palindrome({ text: 'A man, a plan, a canal: Panama!' })).toEqual({ is_palindrome: true, normalized: 'amanaplanacanalpanama' });
    expect(is_palindrome({ text: 'Was it a car or a cat I saw?' }).is_palindrome).toBe(true);
  });
  it('ignores accents and handles non-Latin scripts and emoji', () => {
    expect(is_palindrome({ text: 'Ésope reste ici et se repose' }).is_palindrome).toBe(true);
    expect(is_palindrome({ text: 'А роза упала на лапу Азора' }).is_palindrome).toBe(true);
    expect(is_palindrome({ text: '😀a😀', letters_and_digits_only: false }).is_palindrome).toBe(true);
  });
  it('can compare exactly', () => {
    expect(is_palindrome({ text: 'Racecar', ignore_case: false }).is_palindrome).toBe(false);
    expect(is_palindrome({ text: 'nurses run', letters_and_digits_only: false }).is_palindrome).toBe(false);
    expect(is_palindrome({ text: 'nurses run' }).is_palindrome).toBe(true);
  });
  it('treats empty and single-character text as palindromes', () => {
    expect(is_palindrome({ text: '' }).is_palindrome).toBe(true);
    expect(is_palindrome({ text: 'x' }).is_palindrome).toBe(true);
    expect(is_palindrome({ text: '?!' })).toEqual({ is_palindrome: true, normalized: '' });
  });
  it('rejects non-text input', () => {
    expect(() => is_palindrome({ text: 12321 as unknown as string })).toThrow('text must be a string');
    expect(() => is_palindrome({ text: 'a', ignore_case: 'no' as unknown as boolean })).toThrow('must be true or false');
  });
});
