import { describeEvent, type AgentEvent, type SynthesisEvent, type TestResult } from '../events.ts';
import { CodeBlock } from './CodeBlock.tsx';

const seconds = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The request's events as they stream in: one row per stage, colour-coded, with its time and any artefact. */
export function ActivityLog({ events, running }: { events: AgentEvent[]; running: boolean }) {
  const start = events[0]?.at ?? 0;
  return (
    <section className="activity" aria-labelledby="activity-title">
      <h2 id="activity-title">
        Activity {running && <span className="spinner" aria-label="running" />}
      </h2>
      {events.length === 0 ? (
        <p className="muted">Each step of a request shows here as it happens: search, tool choice, and for a new tool its spec, tests, code and test results.</p>
      ) : (
        <ol className="log" aria-live="polite" aria-relevant="additions">
          {events.map((event, index) => {
            const line = describeEvent(event);
            const since = event.at - start;
            const step = index === 0 ? 0 : event.at - (events[index - 1]?.at ?? event.at);
            return (
              <li key={index} className={`log-row stage-${line.stage}`} data-event={event.type === 'synthesis' ? event.event.type : event.type}>
                <div className="log-head">
                  <span className="badge">{line.stage}</span>
                  <strong>{line.title}</strong>
                  <span className="timing" title={`${seconds(step)} after the previous event`}>
                    +{seconds(since)}
                    {line.durationMs !== undefined && ` · took ${seconds(line.durationMs)}`}
                  </span>
                </div>
                <div className="log-detail">{line.detail}</div>
                {event.type === 'synthesis' && <Artefact event={event.event} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function Artefact({ event }: { event: SynthesisEvent }) {
  switch (event.type) {
    case 'spec-generated':
      return <CodeBlock summary="Spec (tool.json)" code={JSON.stringify(event.spec, null, 2)} language="json" open />;
    case 'tests-generated':
      return <CodeBlock summary="Tests (tool.test.ts)" code={event.tests} language="typescript" />;
    case 'implementation-generated':
      return <CodeBlock summary="Code (tool.ts)" code={event.source} language="typescript" />;
    case 'repair-generated':
      return <CodeBlock summary="Repaired code" code={event.source} language="typescript" />;
    case 'tests-passed':
      return <TestList tests={event.tests} />;
    case 'tests-failed':
      return <TestList tests={event.suite.tests} />;
    default:
      return null;
  }
}

export function TestList({ tests }: { tests: TestResult[] }) {
  if (tests.length === 0) return null;
  return (
    <ul className="tests">
      {tests.map((test) => (
        <li key={test.name} className={`test ${test.status}`}>
          <span aria-hidden="true">{test.status === 'passed' ? '✓' : test.status === 'failed' ? '✗' : '–'}</span> <span className="visually-hidden">{test.status}:</span> {test.name} <span className="muted">({seconds(test.durationMs)})</span>
          {test.failure !== undefined && (
            <div className="failure">
              {test.failure.message}
              {test.failure.expected !== undefined && ` — expected ${test.failure.expected}, received ${test.failure.received ?? '?'}`}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
