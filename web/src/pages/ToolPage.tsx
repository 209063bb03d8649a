import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, describeError, type CallOutcome, type Execution, type JsonSchema, type ToolDetail, type VersionEntry } from '../api.ts';
import { CodeBlock } from '../components/CodeBlock.tsx';
import { ExecutionsTable } from '../components/ExecutionsTable.tsx';
import { percent, StatusBadge } from '../components/StatusBadge.tsx';
import { VersionDiff } from '../components/VersionDiff.tsx';

/** A starting point for the run form: each parameter with its default, or an empty value of its type. */
function exampleArgs(parameters: JsonSchema | undefined): string {
  const args: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(parameters?.properties ?? {})) {
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    args[name] = schema.default ?? schema.enum?.[0] ?? ({ number: 0, integer: 0, boolean: false, array: [], object: {} } as Record<string, unknown>)[type ?? ''] ?? '';
  }
  return JSON.stringify(args, null, 2);
}

export function ToolPage({ name }: { name: string }) {
  const [tool, setTool] = useState<ToolDetail>();
  const [versions, setVersions] = useState<VersionEntry[]>([]);
  const [executions, setExecutions] = useState<Execution[]>([]);
  const [error, setError] = useState<string>();

  // After a run from this page: the new execution and the updated counters.
  const refresh = useCallback(() => {
    Promise.all([api.tool(name), api.executions(name)]).then(
      ([detail, recent]) => {
        setTool(detail);
        setExecutions(recent.executions);
      },
      (failure: unknown) => setError(describeError(failure)),
    );
  }, [name]);

  useEffect(() => {
    let cancelled = false;
    setTool(undefined);
    setError(undefined);
    Promise.all([api.tool(name), api.versions(name), api.executions(name)]).then(
      ([detail, list, recent]) => {
        if (cancelled) return;
        setTool(detail);
        setVersions(list.versions);
        setExecutions(recent.executions);
      },
      (failure: unknown) => !cancelled && setError(describeError(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [name]);

  return (
    <section className="page" aria-labelledby="tool-title">
      <p>
        <a href="#/tools">← All tools</a>
      </p>
      <h1 id="tool-title">{name}</h1>
      {error !== undefined && <p role="alert" className="error-text">{error}</p>}
      {tool === undefined && error === undefined && <p className="muted">Loading…</p>}
      {tool !== undefined && <ToolDetails tool={tool} versions={versions} executions={executions} onRan={refresh} />}
    </section>
  );
}

function ToolDetails({ tool, versions, executions, onRan }: { tool: ToolDetail; versions: VersionEntry[]; executions: Execution[]; onRan: () => void }) {
  const parameters = Object.entries(tool.manifest.parameters?.properties ?? {});
  const required = new Set(tool.manifest.parameters?.required ?? []);
  return (
    <>
      <p>
        <StatusBadge status={tool.status} reason={tool.statusReason} /> v{tool.version} · {tool.stats.uses} use{tool.stats.uses === 1 ? '' : 's'} · success {percent(tool.stats.successRate)}
      </p>
      <p>{tool.manifest.description}</p>
      {tool.statusReason !== null && <p className="muted">Why experimental: {tool.statusReason}</p>}

      <h2>Parameters</h2>
      {parameters.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map(([key, schema]) => (
                <tr key={key}>
                  <td>
                    <code>{key}</code>
                    {required.has(key) ? '' : ' (optional)'}
                  </td>
                  <td>{Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')}</td>
                  <td>{schema.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {tool.manifest.returns?.description !== undefined && <p>Returns: {tool.manifest.returns.description}</p>}

      <RunForm tool={tool} onRan={onRan} />

      <h2>Recent executions</h2>
      <ExecutionsTable executions={executions} currentVersion={tool.currentVersion} />

      <h2>Code and tests</h2>
      <CodeBlock summary="tool.ts" code={tool.source} language="typescript" />
      <CodeBlock summary="tool.test.ts" code={tool.tests} language="typescript" />
      <CodeBlock summary="tool.json" code={JSON.stringify(tool.manifest, null, 2)} language="json" />

      <h2>Versions</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Tests</th>
              <th scope="col">Why</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((entry) => (
              <tr key={entry.version}>
                <td>
                  {entry.version}
                  {entry.isCurrent && ' (current)'}
                </td>
                <td>
                  <StatusBadge status={entry.status} reason={entry.statusReason} />
                </td>
                <td>{entry.testTotals === null ? '—' : `${entry.testTotals.passed}/${entry.testTotals.total}`}</td>
                <td>{entry.reason}</td>
                <td>{new Date(entry.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Compare versions</h2>
      <VersionDiff key={versions.map((entry) => entry.version).join(',')} name={tool.name} versions={versions} />
    </>
  );
}

function RunForm({ tool, onRan }: { tool: ToolDetail; onRan: () => void }) {
  const [args, setArgs] = useState(() => exampleArgs(tool.manifest.parameters));
  const [outcome, setOutcome] = useState<CallOutcome>();
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setOutcome(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(args);
    } catch (failure) {
      setError(`The arguments are not valid JSON: ${describeError(failure)}`);
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError('The arguments must be a JSON object, like {"x": 1}.');
      return;
    }
    setRunning(true);
    try {
      setOutcome(await api.runTool(tool.name, parsed as Record<string, unknown>));
      onRan();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setRunning(false);
    }
  };

  return (
    <form className="run-form" onSubmit={(event) => void run(event)}>
      <h2>Run it</h2>
      <label htmlFor="run-args">Arguments (JSON)</label>
      <textarea id="run-args" rows={Math.min(10, args.split('\n').length + 1)} value={args} spellCheck={false} onChange={(event) => setArgs(event.target.value)} />
      <button type="submit" disabled={running}>
        {running ? 'Running…' : 'Run'}
      </button>
      <div aria-live="polite">
        {error !== undefined && <p role="alert" className="error-text">{error}</p>}
        {outcome !== undefined && (
          <div className={`outcome ${outcome.ok ? 'ok' : 'failed'}`}>
            <p>
              {outcome.ok ? 'Result' : `Failed (${outcome.error?.code ?? 'error'})`} in {Math.round(outcome.durationMs)} ms, {outcome.runtime} sandbox
            </p>
            <pre tabIndex={0}>{outcome.ok ? JSON.stringify(outcome.value, null, 2) : outcome.error?.message}</pre>
            {outcome.console.text !== '' && <CodeBlock summary="Console" code={outcome.console.text} />}
          </div>
        )}
      </div>
    </form>
  );
}
