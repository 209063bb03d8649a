import { useMemo } from 'react';
import { highlightCode, type CodeLanguage } from '../highlight.ts';

/**
 * Code behind a disclosure, so long files do not push the rest away; keyboard-operable as a native
 * <details>. With a `language` it is syntax-highlighted.
 */
export function CodeBlock({ summary, code, language, open = false }: { summary: string; code: string; language?: CodeLanguage; open?: boolean }) {
  const html = useMemo(() => (language === undefined ? undefined : highlightCode(code, language)), [code, language]);
  return (
    <details className="code" open={open}>
      <summary>{summary}</summary>
      <pre tabIndex={0}>
        {html === undefined ? <code>{code}</code> : <code className={`hljs language-${language}`} dangerouslySetInnerHTML={{ __html: html }} />}
      </pre>
    </details>
  );
}
