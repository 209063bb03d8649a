import type { Model } from '../models/index.ts';
import type { Sandbox, SandboxLimits, SuiteResult } from '../sandbox/index.ts';
import type { ToolPackage } from '../tool-package/index.ts';
import { abortableStage } from './abort.ts';
import { generateImplementation, generateTests } from './code-stages.ts';
import { countTests } from './check-test-file.ts';
import type { SuiteSummary, SynthesisEvent, SynthesisEventInput, SynthesisFailure } from './events.ts';
import type { ToolSpec } from './prompts/spec-prompt.ts';
import { repairCandidate } from './repair-stage.ts';
import { generateSpec } from './spec-stage.ts';
import { verifyCandidate } from './verify-candidate.ts';

export const DEFAULT_REPAIR_ATTEMPTS = 2;

export interface SynthesizeToolOptions {
  model: Model;
  sandbox: Sandbox;
  /** What the user asked for, in their words. */
  request: string;
  /** Behaviour the user showed, in their words or as `input → output`. */
  examples?: readonly string[];
  /** Whether the library already has a tool by this name; a taken name gets a suffix (`_2`, `_3`, ...). */
  nameTaken: (name: string) => boolean | Promise<boolean>;
  /** How many times failing tests are sent back for a fix (default 2). */
  repairAttempts?: number;
  /** Write the tests first and show them to the implementer (default: both in parallel from the spec). */
  sequential?: boolean;
  /** Sandbox limits for each verification. */
  limits?: Partial<SandboxLimits>;
  signal?: AbortSignal;
  /** Called with each event as it happens; see `SynthesisEventSchema` for the order. */
  onEvent?: (event: SynthesisEvent) => void;
}

interface SynthesisOutcome {
  /** The package to register: manifest (the spec without its docstring), tool.ts, tool.test.ts. */
  pkg: ToolPackage;
  /** The last verification. */
  suite: SuiteResult;
  spec: ToolSpec;
  /** How many times the suite ran: 1 when the first implementation passed. */
  attempts: number;
}

export type SynthesisResult =
  | (SynthesisOutcome & { status: 'verified' })
  | (SynthesisOutcome & { status: 'experimental'; failures: SynthesisFailure[] });

/**
 * Writes a new tool test-first: spec → tests and implementation (independently, in parallel) →
 * sandbox verification → up to `repairAttempts` repairs. Nothing is written anywhere; the caller
 * registers the result. An abort stops at the next stage boundary with an `aborted` error.
 *
 * @example
 * const result = await synthesizeTool({ model, sandbox: createSandbox(), request: 'reverse a string',
 *   nameTaken: (name) => store.has(name), onEvent: (event) => console.log(event.type) });
 * if (result.status === 'verified') await store.register(result.pkg);
 */
export async function synthesizeTool(options: SynthesizeToolOptions): Promise<SynthesisResult> {
  const { model, sandbox, request, examples, nameTaken, limits, signal } = options;
  const repairAttempts = Math.max(0, options.repairAttempts ?? DEFAULT_REPAIR_ATTEMPTS);
  // Stages run on an inner signal too, so a failing branch stops its parallel sibling's model call.
  const inner = new AbortController();
  const forwardAbort = () => inner.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });
  let open = true;
  const emit = (event: SynthesisEventInput) => {
    if (open) options.onEvent?.({ ...event, at: Date.now() } as SynthesisEvent);
  };
  const stage = <T>(work: () => Promise<T>) => abortableStage(signal, work);
  const common = { model, examples, signal: inner.signal };

  try {
    const { spec, renamedFrom } = await stage(() => generateSpec({ ...common, request, nameTaken }));
    emit({ type: 'spec-generated', spec, ...(renamedFrom === undefined ? {} : { renamedFrom }) });

    const writeTests = async () => {
      const tests = await generateTests({ ...common, spec });
      emit({ type: 'tests-generated', tests, count: countTests(tests) });
      return tests;
    };
    const writeImplementation = async (tests?: string) => {
      const source = await generateImplementation({ ...common, spec, tests });
      emit({ type: 'implementation-generated', source });
      return source;
    };
    let tests: string;
    let source: string;
    if (options.sequential === true) {
      tests = await stage(writeTests);
      source = await stage(() => writeImplementation(tests));
    } else {
      [tests, source] = await stage(() =>
        Promise.all([writeTests(), writeImplementation()]).catch((error: unknown) => {
          inner.abort(error);
          throw error;
        }),
      );
    }

    const { docstring: _docstring, ...manifest } = spec;
    let pkg: ToolPackage = { manifest, source, tests };
    for (let attempt = 1; ; attempt++) {
      emit({ type: 'verification-started', attempt });
      const { suite, failures } = await stage(() => verifyCandidate({ sandbox, pkg, limits, signal: inner.signal }));
      if (suite.ok) {
        emit({ type: 'tests-passed', attempt, totals: suite.totals, tests: suite.tests });
        emit({ type: 'synthesis-finished', status: 'verified', attempts: attempt });
        return { status: 'verified', pkg, suite, spec, attempts: attempt };
      }
      emit({ type: 'tests-failed', attempt, suite: summarize(suite), failing: failures });
      const experimental = (): SynthesisResult => {
        emit({ type: 'synthesis-finished', status: 'experimental', attempts: attempt });
        return { status: 'experimental', failures, pkg, suite, spec, attempts: attempt };
      };
      if (attempt > repairAttempts) return experimental();

      emit({ type: 'repair-started', attempt, failing: failures });
      const current = pkg;
      const repair = await stage(() => repairCandidate({ model, spec, pkg: current, failures, attempt, signal: inner.signal }));
      if (repair === undefined) return experimental();
      emit({
        type: 'repair-generated',
        attempt,
        source: repair.source,
        testsChanged: repair.testFixReason !== undefined,
        ...(repair.testFixReason === undefined ? {} : { testFixReason: repair.testFixReason }),
        ...(repair.testChangeIgnored === undefined ? {} : { testChangeIgnored: repair.testChangeIgnored }),
      });
      pkg = { manifest, source: repair.source, tests: repair.tests };
    }
  } finally {
    open = false;
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function summarize(suite: SuiteResult): SuiteSummary {
  const { ok, totals, tests, durationMs, error } = suite;
  return { ok, totals, tests, durationMs, ...(error === undefined ? {} : { error }) };
}
