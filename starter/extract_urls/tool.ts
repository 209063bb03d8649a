const CANDIDATE = /(?<![\p{L}\p{N}@.])(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`{}|\\^]+/giu;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[' };

export function extract_urls({ text, unique = true }: { text: string; unique?: boolean }): { urls: string[]; count: number } {
  if (typeof text !== 'string') throw new Error('text must be a string');
  if (typeof unique !== 'boolean') throw new Error('unique must be true or false');
  const found: string[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const url = trimEnd(match[0]);
    // A scheme or "www." with nothing after it is not a link.
    if (/^(?:(?:https?|ftp):\/\/|www\.)[\p{L}\p{N}]/iu.test(url) && /[\p{L}\p{N}]\.[\p{L}\p{N}]|localhost|:\/\/\[?[\d.:]+/iu.test(url)) found.push(url);
  }
  const urls = unique ? [...new Set(found)] : found;
  return { urls, count: urls.length };
}

/** Strips sentence punctuation after a link, and closing brackets that the link did not open. */
function trimEnd(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last === undefined) break;
    if ('.,;:!?*'.includes(last)) {
      end--;
      continue;
    }
    const opener = CLOSERS[last];
    if (opener !== undefined) {
      const body = url.slice(0, end);
      const opens = body.split(opener).length - 1;
      const closes = body.split(last).length - 1;
      if (closes > opens) {
        end--;
        continue;
      }
    }
    break;
  }
  return url.slice(0, end);
}
