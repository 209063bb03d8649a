import type { AgentEvent } from '../../agent/index.ts';
import type { SynthesisEvent } from '../../synthesis/index.ts';

/**
 * One short progress line per agent event worth showing, for stderr; `undefined` for the rest.
 * The answer and a failure are printed by the command itself.
 *
 * @example
 * renderEvent(searchCompleted); // 'searching… 3 candidates, best percentage_of 0.91 (reuse)'
 */
export function renderEvent(event: AgentEvent): string | undefined {
  switch (event.type) {
    case 'intent-detected':
      return event.intent === 'create' ? `creating a tool: ${event.description ?? ''}\nwriting the spec…` : undefined;
    case 'search-completed':
      return renderSearch(event);
    case 'synthesis':
      return renderSynthesis(event.event as SynthesisEvent);
    case 'tool-registered':
      return `registered ${event.name} ${event.version} (${event.status}${event.reason === undefined ? '' : `: ${event.reason}`})`;
    case 'arguments-bound': {
      const how = event.how === 'model' ? ' (read by the model)' : event.how === 'reference' ? ' (with the previous result)' : '';
      return `running ${event.tool} ${JSON.stringify(event.args)}${how}…`;
    }
    case 'tool-executed':
      return event.ok ? undefined : `${event.name} failed: ${event.error?.message ?? 'unknown error'}`;
    default:
      return undefined;
  }
}

function renderSearch(event: Extract<AgentEvent, { type: 'search-completed' }>): string {
  const [top] = event.hits;
  const found = top === undefined ? 'no candidates' : `${event.hits.length} candidate${event.hits.length === 1 ? '' : 's'}, best ${top.name} ${top.similarity.toFixed(2)}`;
  const next =
    event.decision === 'synthesize'
      ? event.band === 'check'
        ? `check: its parameters do not fit, so a new tool is needed`
        : 'synthesize'
      : event.decision === 'check'
        ? 'check: its parameters fit'
        : 'reuse';
  const status = top !== undefined && event.decision !== 'synthesize' && top.status === 'experimental' ? ', experimental' : '';
  return `searching… ${found} (${next}${status})${event.decision === 'synthesize' ? '\nwriting the spec…' : ''}`;
}

function renderSynthesis(event: SynthesisEvent): string | undefined {
  switch (event.type) {
    case 'spec-generated':
      return `spec: ${event.spec.name}${event.renamedFrom === undefined ? '' : ` (${event.renamedFrom} was taken)`}: ${event.spec.description}`;
    case 'tests-generated':
      return `tests: ${event.count} written`;
    case 'implementation-generated':
      return `implementation: ${event.source.trim().split('\n').length} lines written`;
    case 'verification-started':
      return event.attempt === 1 ? 'verifying…' : `verifying (attempt ${event.attempt})…`;
    case 'tests-passed':
      return `tests: ${event.totals.passed} passed`;
    case 'tests-failed':
      return `tests: ${event.suite.totals.passed} passed, ${event.suite.totals.failed} failed${event.suite.error === undefined ? '' : ` (${event.suite.error.message})`}`;
    case 'repair-started':
      return `repairing (attempt ${event.attempt}): ${event.failing.length} failing…`;
    default:
      return undefined;
  }
}
