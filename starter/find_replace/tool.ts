export interface FindReplaceOptions {
  text: string;
  find: string;
  replace: string;
  use_regex?: boolean;
  ignore_case?: boolean;
  replace_all?: boolean;
  flags?: string;
}

export function find_replace(options: FindReplaceOptions): { text: string; replacements: number } {
  const { text, find, replace, use_regex = false, ignore_case = false, replace_all = true, flags = '' } = options;
  for (const [name, value] of [['text', text], ['find', find], ['replace', replace]] as const) {
    if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  }
  if (find === '') throw new Error('find must not be empty; give the text or pattern to look for');
  if (typeof flags !== 'string' || !/^[gimsu]*$/.test(flags)) throw new Error(`flags may contain only g, i, m, s and u; got ${JSON.stringify(flags)}`);
  if (!use_regex && flags.replace(/[gi]/g, '') !== '') throw new Error('flags apply only with use_regex: true');
  const flagSet = new Set(flags);
  if (ignore_case) flagSet.add('i');
  if (replace_all) flagSet.add('g');
  const source = use_regex ? find : find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, [...flagSet].sort().join(''));
  } catch (error) {
    throw new Error(`find is not a valid regular expression: ${(error as Error).message}`);
  }
  let replacements = 0;
  // Literal mode inserts the replacement verbatim; regex mode expands $1, $<name> and $& like String.replace.
  const result = text.replace(pattern, (...args: unknown[]) => {
    replacements++;
    if (!use_regex) return replace;
    return expandTemplate(replace, args);
  });
  return { text: result, replacements };
}

function expandTemplate(template: string, args: unknown[]): string {
  const hasGroups = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== undefined;
  const groups = (hasGroups ? args[args.length - 1] : undefined) as Record<string, string | undefined> | undefined;
  const captureCount = args.length - (hasGroups ? 4 : 3);
  const match = args[0] as string;
  const offset = args[captureCount + 1] as number;
  const whole = args[captureCount + 2] as string;
  return template.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g, (token, what: string, name: string | undefined) => {
    if (what === '$') return '$';
    if (what === '&') return match;
    if (what === '`') return whole.slice(0, offset);
    if (what === "'") return whole.slice(offset + match.length);
    if (name !== undefined) return groups === undefined ? token : (groups[name] ?? '');
    const index = Number(what);
    if (index >= 1 && index <= captureCount) return (args[index] as string | undefined) ?? '';
    return token;
  });
}
