import { modelReplyInvalid } from './model-errors.ts';

interface CodeBlock {
  language: string;
  code: string;
}

const NON_CODE_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'json', 'jsonc', 'text', 'txt', 'plaintext', 'markdown', 'md', 'yaml', 'yml', 'diff', 'output']);
const TS_LANGUAGES = new Set(['ts', 'typescript', 'tsx', 'mts']);
const JS_LANGUAGES = new Set(['js', 'javascript', 'jsx', 'mjs']);
const EXPORTS_FUNCTION = /\bexport\s+(?:default\s+)?(?:async\s+)?function\b|\bexport\s+(?:const|let)\s+[\w$]+\s*(?::[^=]+)?=\s*(?:async\b\s*)?(?:\(|function\b|[\w$]+\s*=>)/;
const CODE_LINE = /^\s*(?:import\s|export\s|(?:async\s+)?function[\s*]|const\s|let\s|type\s|interface\s|class\s|\/\*\*|\/\/|'use strict')/;

/**
 * The code in a model's reply, the same for every model. Takes fenced blocks (``` or ~~~, with or
 * without a language) out of the prose around them; of several, prefers one that exports a
 * function, then TypeScript over other languages, then the longest. A reply with no fences is
 * taken as code when it reads like code, prose before and after it trimmed.
 * Throws `model_reply_invalid` when there is no code at all.
 *
 * @example
 * extractCode('Here you go:\n```ts\nexport function add(a: number, b: number) { return a + b; }\n```')
 * // → 'export function add(a: number, b: number) { return a + b; }'
 */
export function extractCode(text: string, options: { language?: 'ts' } = {}): string {
  const blocks = fencedBlocks(text).filter((block) => block.code.trim() !== '');
  const candidates = blocks.filter((block) => !NON_CODE_LANGUAGES.has(block.language));
  if (candidates.length > 0) return best(candidates, options.language ?? 'ts').code.trim();
  if (blocks.length === 0) {
    const unfenced = unfencedCode(text);
    if (unfenced !== undefined) return unfenced;
  }
  throw modelReplyInvalid({
    message: 'The reply holds no code: expected a ```ts fenced block with the module.',
    details: { reply: text.slice(0, 2000) },
  });
}

function fencedBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: { fence: string; language: string; lines: string[] } | undefined;
  for (const line of lines) {
    if (open === undefined) {
      const opening = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/.exec(line);
      if (opening !== null) open = { fence: opening[1] ?? '```', language: (opening[2] ?? '').toLowerCase(), lines: [] };
      continue;
    }
    const closing = new RegExp(`^\\s{0,3}${open.fence[0] === '`' ? '`' : '~'}{${open.fence.length},}\\s*$`);
    if (closing.test(line)) {
      blocks.push({ language: open.language, code: open.lines.join('\n') });
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  // A reply cut off mid-block still carries code worth keeping.
  if (open !== undefined) blocks.push({ language: open.language, code: open.lines.join('\n') });
  return blocks;
}

function best(blocks: CodeBlock[], language: 'ts'): CodeBlock {
  const score = (block: CodeBlock): number =>
    (EXPORTS_FUNCTION.test(block.code) ? 4 : 0) +
    (language === 'ts' && TS_LANGUAGES.has(block.language) ? 2 : 0) +
    (block.language === '' || JS_LANGUAGES.has(block.language) ? 1 : 0);
  return blocks.reduce((winner, block) => {
    const difference = score(block) - score(winner);
    return difference > 0 || (difference === 0 && block.code.length > winner.code.length) ? block : winner;
  });
}

/** Code without fences: from the first line that starts like code to the last that ends like it. */
function unfencedCode(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => CODE_LINE.test(line));
  if (start === -1) return undefined;
  let end = lines.length - 1;
  while (end > start && !/[;})\]]\s*$|^\s*(?:\/\/.*|\*\/)$/.test(lines[end] ?? '')) end--;
  const code = lines.slice(start, end + 1).join('\n').trim();
  return /[;{}()=]/.test(code) ? code : undefined;
}
