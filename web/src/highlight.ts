import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';

/**
 * Syntax highlighting for tool code, tests and manifests. Only the core and the two languages the
 * UI shows are bundled. highlight.js escapes the source and marks tokens with `hljs-*` classes
 * (styled in styles.css), never inline styles, so the page's CSP (no 'unsafe-inline') holds.
 */
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('json', json);

export type CodeLanguage = 'typescript' | 'json';

/** Highlighted HTML for `code`; safe to set as innerHTML (every character of the source is escaped). */
export function highlightCode(code: string, language: CodeLanguage): string {
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
