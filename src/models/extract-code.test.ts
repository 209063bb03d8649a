import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import { extractCode } from './extract-code.ts';

const reverse = "export function reverseString(text: string): string {\n  return [...text].reverse().join('');\n}";

describe('extractCode', () => {
  it('takes a ```ts block out of the prose around it', () => {
    const reply = `Sure! Here is the implementation:\n\n\`\`\`ts\n${reverse}\n\`\`\`\n\nThis uses the spread operator so surrogate pairs stay intact.`;
    expect(extractCode(reply)).toBe(reverse);
  });

  it('accepts ```typescript, bare ``` and ~~~ fences', () => {
    expect(extractCode(`\`\`\`typescript\n${reverse}\n\`\`\``)).toBe(reverse);
    expect(extractCode(`\`\`\`\n${reverse}\n\`\`\``)).toBe(reverse);
    expect(extractCode(`~~~ts\n${reverse}\n~~~`)).toBe(reverse);
  });

  it('prefers the block that exports a function over a longer usage example', () => {
    const usage = "import { reverseString } from './tool.ts';\n\nconst inputs = ['hello', 'world', 'toolsmith', 'a longer example string'];\nfor (const input of inputs) {\n  console.log(reverseString(input));\n}";
    const reply = `Implementation:\n\`\`\`ts\n${reverse}\n\`\`\`\nUsage:\n\`\`\`ts\n${usage}\n\`\`\``;
    expect(extractCode(reply)).toBe(reverse);
  });

  it('skips shell and JSON blocks', () => {
    const reply = `Install nothing:\n\`\`\`bash\nnpm install\n\`\`\`\nCode:\n\`\`\`\n${reverse}\n\`\`\`\nExample input:\n\`\`\`json\n{"text": "hello there, this is long enough to win on length alone"}\n\`\`\``;
    expect(extractCode(reply)).toBe(reverse);
  });

  it('prefers TypeScript over JavaScript when both export a function', () => {
    const js = 'export function reverseString(text) {\n  return text.split("").reverse().join("");\n  // a longer JavaScript version\n}';
    expect(extractCode(`\`\`\`js\n${js}\n\`\`\`\n\`\`\`ts\n${reverse}\n\`\`\``, { language: 'ts' })).toBe(reverse);
  });

  it('keeps the code of a reply cut off inside its block', () => {
    expect(extractCode('Here:\n```ts\nexport function half(n: number) {\n  return n / 2;')).toBe('export function half(n: number) {\n  return n / 2;');
  });

  it('takes unfenced code, trimming prose before and after it', () => {
    const reply = `Here is the module you asked for:\n\n${reverse}\n\nLet me know if you need tests.`;
    expect(extractCode(reply)).toBe(reverse);
  });

  it('takes a reply that is only code', () => {
    expect(extractCode(`import { x } from './x.ts';\n${reverse}\n`)).toBe(`import { x } from './x.ts';\n${reverse}`);
  });

  it('fails with model_reply_invalid when the reply holds no code', () => {
    for (const reply of ['I cannot help with that request.', '```bash\nrm -rf /\n```', '']) {
      try {
        extractCode(reply);
        expect.unreachable(`no error for ${JSON.stringify(reply)}`);
      } catch (error) {
        expect(ToolsmithError.isInstance(error) && error.kind === 'model' && error.code === 'model_reply_invalid').toBe(true);
      }
    }
  });
});
