const CASES = ['upper', 'lower', 'title', 'sentence', 'camel', 'pascal', 'snake', 'kebab', 'constant'] as const;
type Case = (typeof CASES)[number];

export function change_case({ text, case: target }: { text: string; case: Case }): string {
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (!CASES.includes(target)) throw new Error(`case must be one of ${CASES.join(', ')}; got ${JSON.stringify(target)}`);
  switch (target) {
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'title':
      return text.replace(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu, capitalize);
    case 'sentence': {
      const lower = text.toLowerCase();
      // Capitalize the first letter of the text and of each sentence after . ! or ?
      return lower.replace(/(^|[.!?]\s+)(\p{L})/gu, (_all, before: string, letter: string) => before + letter.toUpperCase());
    }
    case 'camel':
      return words(text).map((word, i) => (i === 0 ? word.toLowerCase() : capitalize(word))).join('');
    case 'pascal':
      return words(text).map(capitalize).join('');
    case 'snake':
      return words(text).map((word) => word.toLowerCase()).join('_');
    case 'kebab':
      return words(text).map((word) => word.toLowerCase()).join('-');
    case 'constant':
      return words(text).map((word) => word.toUpperCase()).join('_');
  }
}

/** Splits on anything that is not a letter or digit, and at camelCase and ACRONYMWord boundaries. */
function words(text: string): string[] {
  return text
    .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '');
}

function capitalize(word: string): string {
  const [first = '', ...rest] = Array.from(word);
  return first.toUpperCase() + rest.join('').toLowerCase();
}
