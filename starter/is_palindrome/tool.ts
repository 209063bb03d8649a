export function is_palindrome({ text, ignore_case = true, letters_and_digits_only = true }: { text: string; ignore_case?: boolean; letters_and_digits_only?: boolean }): { is_palindrome: boolean; normalized: string } {
  if (typeof text !== 'string') throw new Error('text must be a string (write numbers as text, e.g. "12321")');
  if (typeof ignore_case !== 'boolean' || typeof letters_and_digits_only !== 'boolean') {
    throw new Error('ignore_case and letters_and_digits_only must be true or false');
  }
  let normalized = text.normalize('NFC');
  if (letters_and_digits_only) normalized = normalized.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}]+/gu, '');
  if (ignore_case) normalized = normalized.toLowerCase();
  // Compare by code points so emoji and other astral characters are not split in half.
  const characters = Array.from(normalized);
  let palindrome = true;
  for (let i = 0, j = characters.length - 1; i < j; i++, j--) {
    if (characters[i] !== characters[j]) {
      palindrome = false;
      break;
    }
  }
  return { is_palindrome: palindrome, normalized };
}
