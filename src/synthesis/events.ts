import { z } from 'zod';
import { TestResultSchema, type SandboxFailureCode } from '../sandbox/index.ts';
import { ToolSpecSchema } from './prompts/spec-prompt.ts';

/**
 * One thing that is wrong with a candidate: a failing test, or a failure of the whole suite
 * (the package does not compile, the tool is missing, the suite timed out) when `test` is absent.
 */
export const SynthesisFailureSchema = z.object({
  /** The failing test's full name ("describe > it"); absent for a failure of the whole suite. */
  test: z.string().optional(),
  message: z.string(),
  expected: z.string().optional(),
  received: z.string().optional(),
});
export type SynthesisFailure = z.infer<typeof SynthesisFailureSchema>;

const TotalsSchema = z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() });

/** A suite run as events report it: the `SuiteResult` without its captured console. */
export const SuiteSummarySchema = z.object({
  ok: z.boolean(),
  totals: TotalsSchema,
  tests: z.array(TestResultSchema),
  durationMs: z.number(),
  error: z.object({ code: z.custom<SandboxFailureCode>((value) => typeof value === 'string'), message: z.string() }).optional(),
});
export type SuiteSummary = z.infer<typeof SuiteSummarySchema>;

export const SynthesisStatusSchema = z.enum(['verified', 'experimental']);
export type SynthesisStatus = z.infer<typeof SynthesisStatusSchema>;

const at = z.number().describe('when it happened, in ms since the epoch');

/**
 * What `synthesizeTool` reports as it goes, in order:
 * `spec-generated`, then `tests-generated` and `implementation-generated` (in either order when
 * they run in parallel), then for each attempt `verification-started` → `tests-passed` or
 * `tests-failed`, and after a failure `repair-started` → `repair-generated`; last
 * `synthesis-finished`. An abort stops the sequence without `synthesis-finished`.
 */
export const SynthesisEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('spec-generated'),
    at,
    spec: ToolSpecSchema,
    /** The name the model chose, when it was taken and `spec.name` carries a numeric suffix. */
    renamedFrom: z.string().optional(),
  }),
  z.object({ type: z.literal('tests-generated'), at, tests: z.string(), count: z.number() }),
  z.object({ type: z.literal('implementation-generated'), at, source: z.string() }),
  z.object({ type: z.literal('verification-started'), at, attempt: z.number() }),
  z.object({ type: z.literal('tests-passed'), at, attempt: z.number(), totals: TotalsSchema, tests: z.array(TestResultSchema) }),
  z.object({ type: z.literal('tests-failed'), at, attempt: z.number(), suite: SuiteSummarySchema, failing: z.array(SynthesisFailureSchema) }),
  z.object({ type: z.literal('repair-started'), at, attempt: z.number(), failing: z.array(SynthesisFailureSchema) }),
  z.object({
    type: z.literal('repair-generated'),
    at,
    attempt: z.number(),
    source: z.string(),
    /** True when the repair replaced tool.test.ts (it gave a `Test fix:` reason). */
    testsChanged: z.boolean(),
    testFixReason: z.string().optional(),
    /** Why a test file in the reply was not applied (no `Test fix:` line, or too few tests). */
    testChangeIgnored: z.string().optional(),
  }),
  z.object({ type: z.literal('synthesis-finished'), at, status: SynthesisStatusSchema, attempts: z.number() }),
]);
export type SynthesisEvent = z.infer<typeof SynthesisEventSchema>;
export type SynthesisEventType = SynthesisEvent['type'];

/** An event without its timestamp, as stages build them; `at` is stamped when it is emitted. */
export type SynthesisEventInput = WithoutTime<SynthesisEvent>;
type WithoutTime<E> = E extends unknown ? Omit<E, 'at'> : never;
