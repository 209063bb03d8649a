import { useEffect, useState } from 'react';
import { api, describeError, type Band, type ToolListItem } from '../api.ts';
import { percent, StatusBadge } from '../components/StatusBadge.tsx';

/** The tool library: every tool, or a search by meaning as you type. */
export function ToolsPage() {
  const [query, setQuery] = useState('');
  const [tools, setTools] = useState<ToolListItem[]>();
  const [band, setBand] = useState<Band>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    // Wait for a pause in typing, so each keystroke is not a search.
    const timer = window.setTimeout(() => {
      api.tools(query).then(
        (result) => {
          if (cancelled) return;
          setTools(result.tools);
          setBand(result.band);
          setError(undefined);
        },
        (failure: unknown) => !cancelled && setError(describeError(failure)),
      );
    }, query === '' ? 0 : 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query]);

  return (
    <section className="page" aria-labelledby="tools-title">
      <h1 id="tools-title">Tool library</h1>
      <form className="search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="tool-search">Search by meaning</label>
        <input id="tool-search" type="search" value={query} placeholder="e.g. how much is a share of a number" onChange={(event) => setQuery(event.target.value)} />
      </form>
      {error !== undefined && <p role="alert" className="error-text">{error}</p>}
      {tools === undefined && error === undefined && <p className="muted">Loading…</p>}
      {tools !== undefined && (
        <>
          <p className="muted small" aria-live="polite">
            {tools.length} tool{tools.length === 1 ? '' : 's'}
            {band !== undefined && ` · best match says: ${band}`}
          </p>
          <ul className="tool-list">
            {tools.map((tool) => (
              <li key={tool.name}>
                <a href={`#/tools/${encodeURIComponent(tool.name)}`} className="tool-card">
                  <span className="tool-name">{tool.name}</span>
                  <StatusBadge status={tool.status} reason={tool.statusReason} />
                  <span className="tool-description">{tool.description}</span>
                  <span className="tool-stats muted small">
                    v{tool.version} · {tool.uses} use{tool.uses === 1 ? '' : 's'} · success {percent(tool.successRate)}
                    {tool.score !== undefined && ` · score ${tool.score.toFixed(2)}`}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
