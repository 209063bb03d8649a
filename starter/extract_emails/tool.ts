// local@domain: the local part may not start or end with a dot; the domain needs a dot and a top-level label of 2+ letters.
const EMAIL = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_%+\-](?:[\p{L}\p{N}._%+\-]*[\p{L}\p{N}_%+\-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])/gu;

export function extract_emails({ text, unique = true }: { text: string; unique?: boolean }): { emails: string[]; count: number } {
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (typeof unique !== 'boolean') throw new Error('unique must be true or false');
  const found = (text.match(EMAIL) ?? []).filter((email) => !email.split('@')[0]!.includes('..'));
  const emails = unique ? dedupe(found) : found;
  return { emails, count: emails.length };
}

function dedupe(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
