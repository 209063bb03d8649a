const SEPARATORS = ['-', '_', '.'];

// Letters that Unicode does not decompose into a base letter plus an accent.
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D',
  ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ı: 'i', ħ: 'h', Ħ: 'H',
};

export function slugify({ text, separator = '-', max_length, lowercase = true }: { text: string; separator?: string; max_length?: number; lowercase?: boolean }): string {
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (!SEPARATORS.includes(separator)) throw new Error(`separator must be one of ${SEPARATORS.map((s) => `"${s}"`).join(', ')}; got ${JSON.stringify(separator)}`);
  if (max_length !== undefined && (!Number.isInteger(max_length) || max_length < 1)) {
    throw new Error(`max_length must be a whole number of at least 1, got ${String(max_length)}`);
  }
  const words = text
    .replace(/[ßẞæÆœŒøØđĐłŁþÞðÐıħĦ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => (lowercase ? word.toLowerCase() : word));
  let slug = words.join(separator);
  if (max_length !== undefined && Array.from(slug).length > max_length) {
    const cut = Array.from(slug).slice(0, max_length + 1).join('');
    const boundary = cut.lastIndexOf(separator);
    slug = boundary > 0 ? cut.slice(0, boundary) : Array.from(slug).slice(0, max_length).join('');
  }
  return slug;
}
