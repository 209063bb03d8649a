import type { Execution } from '../api.ts';

/** A tool's most recent calls, newest first: when, which version, how it went and how long it took. */
export function ExecutionsTable({ executions, currentVersion }: { executions: Execution[]; currentVersion: string }) {
  if (executions.length === 0) return <p className="muted">Not run yet. Run it above, or ask for something it does in the chat.</p>;
  return (
    <div className="table-wrap">
      <table className="executions">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Version</th>
            <th scope="col">Outcome</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {executions.map((entry, index) => (
            <tr key={`${entry.createdAt}-${index}`} className={entry.success ? 'execution ok' : 'execution failed'}>
              <td>{new Date(entry.createdAt).toLocaleString()}</td>
              <td>
                {entry.version}
                {entry.version !== currentVersion && <span className="muted"> (older)</span>}
              </td>
              <td>{entry.success ? 'succeeded' : <span className="error-text">failed{entry.error === null ? '' : `: ${entry.error}`}</span>}</td>
              <td>{Math.round(entry.durationMs)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
