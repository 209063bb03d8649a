/**
 * The agent's events as the UI reads them (src/agent/events.ts, src/synthesis/events.ts), and
 * how one is shown in the activity log: its stage, colour and a one-line summary.
 */

export interface TestResult {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  failure?: { message: string; expected?: string; received?: string };
}

export type SynthesisEvent =
  | { type: 'spec-generated'; at: number; spec: { name: string; description: string; [key: string]: unknown }; renamedFrom?: string }
  | { type: 'tests-generated'; at: number; tests: string; count: number }
  | { type: 'implementation-generated'; at: number; source: string }
  | { type: 'verification-started'; at: number; attempt: number }
  | { type: 'tests-passed'; at: number; attempt: number; totals: Totals; tests: TestResult[] }
  | { type: 'tests-failed'; at: number; attempt: number; suite: { totals: Totals; tests: TestResult[]; error?: { code: string; message: string } }; failing: { test?: string; message: string }[] }
  | { type: 'repair-started'; at: number; attempt: number; failing: { test?: string; message: string }[] }
  | { type: 'repair-generated'; at: number; attempt: number; source: string; testsChanged: boolean; testFixReason?: string }
  | { type: 'synthesis-finished'; at: number; status: 'verified' | 'experimental'; attempts: number };

interface Totals {
  total: number;
  passed: number;
  failed: number;
  skipped: number;
}

interface Base {
  at: number;
  requestId: string;
}

export type AgentEvent = Base &
  (
    | { type: 'request-received'; request: string; sessionId?: string }
    | { type: 'context-loaded'; sessionId: string; messages: number; hasPreviousResult: boolean }
    | { type: 'intent-detected'; intent: 'use' | 'create'; description?: string }
    | { type: 'search-completed'; hits: { name: string; score: number; similarity: number; band: string }[]; band: string; decision: string; tool?: string }
    | { type: 'arguments-bound'; tool: string; args: Record<string, unknown>; how: string }
    | { type: 'tool-executed'; name: string; version: string; ok: boolean; result?: unknown; error?: { code: string; message: string }; durationMs: number }
    | { type: 'tool-registered'; name: string; version: string; status: string; reason?: string }
    | { type: 'model-called'; purpose: string; model: string; durationMs: number; usage: { inputTokens: number; outputTokens: number }; attempt: number }
    | { type: 'answer-generated'; text: string; how: string }
    | { type: 'request-failed'; error: { kind: string; code: string; message: string; hint?: string } }
    | { type: 'synthesis'; event: SynthesisEvent }
  );

/** The colour family of a log row; styles.css gives each its own colour. */
export type Stage = 'context' | 'search' | 'synthesis' | 'verify' | 'tool' | 'model' | 'answer' | 'error';

export interface LogLine {
  stage: Stage;
  title: string;
  detail: string;
  /** How long the step itself took, when the event says. */
  durationMs?: number;
  ok?: boolean;
}

const short = (value: unknown, max = 120) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export function describeEvent(event: AgentEvent): LogLine {
  switch (event.type) {
    case 'request-received':
      return { stage: 'context', title: 'Request received', detail: short(event.request) };
    case 'context-loaded':
      return { stage: 'context', title: 'Context loaded', detail: `${event.messages} earlier message${event.messages === 1 ? '' : 's'}${event.hasPreviousResult ? ', a previous result' : ''}` };
    case 'intent-detected':
      return { stage: 'context', title: 'Intent', detail: event.intent === 'create' ? `create: ${short(event.description ?? '')}` : 'use a tool' };
    case 'search-completed': {
      const top = event.hits[0];
      return { stage: 'search', title: 'Search', detail: `${event.decision}${event.tool === undefined ? '' : ` ${event.tool}`}${top === undefined ? ', no hits' : ` (top: ${top.name}, score ${top.score.toFixed(2)})`}` };
    }
    case 'arguments-bound':
      return { stage: 'tool', title: 'Arguments bound', detail: `${event.tool}(${short(event.args)}) by ${event.how}` };
    case 'tool-executed':
      return { stage: event.ok ? 'tool' : 'error', title: event.ok ? 'Tool ran' : 'Tool failed', detail: `${event.name}@${event.version} → ${event.ok ? short(event.result) : short(event.error?.message)}`, durationMs: event.durationMs, ok: event.ok };
    case 'tool-registered':
      return { stage: 'synthesis', title: 'Tool registered', detail: `${event.name}@${event.version} (${event.status})${event.reason === undefined ? '' : `: ${short(event.reason)}`}`, ok: event.status === 'verified' };
    case 'model-called':
      return { stage: 'model', title: `Model: ${event.purpose}`, detail: `${event.model}, ${event.usage.inputTokens}→${event.usage.outputTokens} tokens${event.attempt > 1 ? `, attempt ${event.attempt}` : ''}`, durationMs: event.durationMs };
    case 'answer-generated':
      return { stage: 'answer', title: 'Answer', detail: short(event.text), ok: true };
    case 'request-failed':
      return { stage: 'error', title: 'Request failed', detail: `${event.error.message}${event.error.hint === undefined ? '' : ` (${event.error.hint})`}`, ok: false };
    case 'synthesis':
      return describeSynthesis(event.event);
  }
}

function describeSynthesis(event: SynthesisEvent): LogLine {
  switch (event.type) {
    case 'spec-generated':
      return { stage: 'synthesis', title: 'Spec written', detail: `${event.spec.name}: ${short(event.spec.description)}` };
    case 'tests-generated':
      return { stage: 'synthesis', title: 'Tests written', detail: `${event.count} test${event.count === 1 ? '' : 's'}` };
    case 'implementation-generated':
      return { stage: 'synthesis', title: 'Code written', detail: `${event.source.split('\n').length} lines` };
    case 'verification-started':
      return { stage: 'verify', title: 'Verifying', detail: `attempt ${event.attempt}` };
    case 'tests-passed':
      return { stage: 'verify', title: 'Tests passed', detail: `${event.totals.passed}/${event.totals.total} passed`, ok: true };
    case 'tests-failed':
      return { stage: 'error', title: 'Tests failed', detail: `${event.suite.totals.failed} of ${event.suite.totals.total} failed${event.suite.error === undefined ? '' : `: ${short(event.suite.error.message)}`}`, ok: false };
    case 'repair-started':
      return { stage: 'synthesis', title: 'Repairing', detail: `attempt ${event.attempt}, ${event.failing.length} failing` };
    case 'repair-generated':
      return { stage: 'synthesis', title: 'Repair written', detail: event.testsChanged ? `tests changed: ${short(event.testFixReason ?? '')}` : 'code changed' };
    case 'synthesis-finished':
      return { stage: event.status === 'verified' ? 'verify' : 'error', title: 'Synthesis finished', detail: `${event.status} after ${event.attempts} attempt${event.attempts === 1 ? '' : 's'}`, ok: event.status === 'verified' };
  }
}

/** The events after which the server closes the stream; the UI closes its EventSource then, so it does not reconnect. */
export function isFinal(event: AgentEvent): boolean {
  return event.type === 'answer-generated' || event.type === 'request-failed';
}
