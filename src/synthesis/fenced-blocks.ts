/** A fenced code block in a model reply, with the line its opening fence is on (0-based). */
export interface FencedBlock {
  language: string;
  code: string;
  line: number;
}

const OPENING = /^\s*(`{3,}|~{3,})\s*([\w.+-]*)[^`]*$/;

const CODE_LANGUAGES = new Set(['', 'ts', 'typescript', 'tsx', 'mts', 'js', 'javascript', 'jsx', 'mjs']);

/** The fenced TypeScript or JavaScript blocks (or blocks with no language) of a reply, in order. */
export function splitCodeBlocks(text: string): FencedBlock[] {
  return splitFencedBlocks(text).filter((block) => CODE_LANGUAGES.has(block.language) && block.code.trim() !== '');
}

/** The fenced blocks of a reply, in order; an unclosed last block runs to the end. */
export function splitFencedBlocks(text: string): FencedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: FencedBlock[] = [];
  let open: { fence: string; language: string; line: number; body: string[] } | undefined;
  for (const [index, line] of lines.entries()) {
    if (open === undefined) {
      const match = OPENING.exec(line);
      if (match !== null) open = { fence: match[1]!, language: (match[2] ?? '').toLowerCase(), line: index, body: [] };
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.length >= open.fence.length && trimmed === open.fence[0]!.repeat(trimmed.length)) {
      blocks.push({ language: open.language, code: open.body.join('\n'), line: open.line });
      open = undefined;
    } else {
      open.body.push(line);
    }
  }
  if (open !== undefined) blocks.push({ language: open.language, code: open.body.join('\n'), line: open.line });
  return blocks;
}
