import { diffLines } from 'diff';
import { useEffect, useMemo, useState } from 'react';
import { api, describeError, type ToolDetail, type VersionEntry } from '../api.ts';

const FILES = {
  'tool.ts': (tool: ToolDetail) => tool.source,
  'tool.test.ts': (tool: ToolDetail) => tool.tests,
  'tool.json': (tool: ToolDetail) => `${JSON.stringify(tool.manifest, null, 2)}\n`,
} as const;
type FileName = keyof typeof FILES;

interface DiffLine {
  kind: 'added' | 'removed' | 'same';
  text: string;
}

function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const part of diffLines(before, after)) {
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same';
    const texts = part.value.split('\n');
    if (texts.at(-1) === '') texts.pop();
    for (const text of texts) lines.push({ kind, text });
  }
  return lines;
}

/** Unchanged lines shown around each change; longer unchanged runs fold into one row. */
const CONTEXT = 3;

type Row = DiffLine | { kind: 'fold'; count: number };

function foldUnchanged(lines: DiffLine[]): Row[] {
  const shown = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.kind === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++) shown[j] = true;
  });
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && !shown[end]) end++;
    // A fold must hide more than the one line its marker takes.
    if (end - i > 1) rows.push({ kind: 'fold', count: end - i });
    else if (end > i) rows.push(lines[i] as DiffLine);
    if (end < lines.length) rows.push(lines[end] as DiffLine);
    i = end + 1;
  }
  return rows;
}

/** Pick any two versions and see how a file changed between them, line by line. */
export function VersionDiff({ name, versions }: { name: string; versions: VersionEntry[] }) {
  const [from, setFrom] = useState(() => versions[1]?.version ?? versions[0]?.version ?? '');
  const [to, setTo] = useState(() => versions[0]?.version ?? '');
  const [file, setFile] = useState<FileName>('tool.ts');
  const [loaded, setLoaded] = useState<ReadonlyMap<string, ToolDetail>>(new Map());
  const [error, setError] = useState<string>();
  const [everyLine, setEveryLine] = useState(false);

  useEffect(() => {
    let cancelled = false;
    if (versions.length < 2) return undefined;
    const missing = [...new Set([from, to])].filter((version) => version !== '' && !loaded.has(version));
    if (missing.length === 0) return undefined;
    setError(undefined);
    Promise.all(missing.map((version) => api.version(name, version))).then(
      (details) => {
        if (cancelled) return;
        setLoaded((previous) => new Map([...previous, ...details.map((detail) => [detail.version, detail] as const)]));
      },
      (failure: unknown) => !cancelled && setError(describeError(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [name, versions.length, from, to, loaded]);

  const before = loaded.get(from);
  const after = loaded.get(to);
  const lines = useMemo(() => (before && after ? lineDiff(FILES[file](before), FILES[file](after)) : undefined), [before, after, file]);

  if (versions.length < 2) return <p className="muted">Only one version so far; a repair or a rollback adds more to compare.</p>;
  const added = lines?.filter((line) => line.kind === 'added').length ?? 0;
  const removed = lines?.filter((line) => line.kind === 'removed').length ?? 0;
  const rows: Row[] | undefined = lines === undefined ? undefined : everyLine ? lines : foldUnchanged(lines);
  const folds = rows?.some((row) => row.kind === 'fold') === true;
  return (
    <div className="version-diff">
      <div className="diff-controls">
        <VersionSelect label="From" versions={versions} value={from} onChange={setFrom} />
        <VersionSelect label="To" versions={versions} value={to} onChange={setTo} />
        <label>
          File{' '}
          <select value={file} onChange={(event) => setFile(event.target.value as FileName)}>
            {Object.keys(FILES).map((each) => (
              <option key={each}>{each}</option>
            ))}
          </select>
        </label>
      </div>
      {error !== undefined && <p role="alert" className="error-text">{error}</p>}
      {lines === undefined && error === undefined && <p className="muted">Loading…</p>}
      {rows !== undefined && (
        <>
          <p className="muted" aria-live="polite">
            {added === 0 && removed === 0 ? `${file} is the same in ${from} and ${to}.` : `${file}: ${added} line${added === 1 ? '' : 's'} added, ${removed} removed from ${from} to ${to}.`}
            {(folds || everyLine) && (
              <>
                {' '}
                <button type="button" className="secondary" onClick={() => setEveryLine(!everyLine)}>
                  {everyLine ? 'Fold unchanged lines' : 'Show every line'}
                </button>
              </>
            )}
          </p>
          {(added > 0 || removed > 0 || everyLine) && (
            <pre className="diff" tabIndex={0} aria-label={`changes to ${file} from ${from} to ${to}`}>
              {rows.map((row, index) =>
                row.kind === 'fold' ? (
                  <span key={index} className="diff-line fold">
                    {`⋯ ${row.count} unchanged line${row.count === 1 ? '' : 's'}`}
                    {'\n'}
                  </span>
                ) : (
                  <span key={index} className={`diff-line ${row.kind}`}>
                    {row.kind === 'added' ? '+ ' : row.kind === 'removed' ? '- ' : '  '}
                    {row.text}
                    {'\n'}
                  </span>
                ),
              )}
            </pre>
          )}
        </>
      )}
    </div>
  );
}

function VersionSelect(props: { label: string; versions: VersionEntry[]; value: string; onChange: (version: string) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.versions.map((entry) => (
          <option key={entry.version} value={entry.version}>
            {entry.version}
          </option>
        ))}
      </select>
    </label>
  );
}
