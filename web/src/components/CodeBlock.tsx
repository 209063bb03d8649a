/** Code behind a disclosure, so long files do not push the rest away; keyboard-operable as a native <details>. */
export function CodeBlock({ summary, code, open = false }: { summary: string; code: string; open?: boolean }) {
  return (
    <details className="code" open={open}>
      <summary>{summary}</summary>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </details>
  );
}
