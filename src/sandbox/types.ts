import { z } from 'zod';
import { RuntimeSchema, type ToolPackage, type ToolRuntime } from '../tool-package/index.ts';

/** Per-run limits. Every backend enforces all of them; `createSandbox` fills in the defaults. */
export interface SandboxLimits {
  /** Heap for an isolate, address-space budget (plus Node's own) for a process. */
  memoryMb: number;
  /** Wall time for one tool call. */
  callTimeoutMs: number;
  /** Wall time for a whole test suite. */
  suiteTimeoutMs: number;
  /** Wall time for one test inside a suite. */
  testTimeoutMs: number;
  /** CPU time for one run (a call or a suite). */
  cpuTimeMs: number;
  /** Size of the JSON arguments. */
  maxArgsBytes: number;
  /** Size of the JSON result; larger results are an error, never silently cut. */
  maxResultBytes: number;
  /** Captured console output; beyond this it is truncated and marked so. */
  maxConsoleBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = Object.freeze({
  memoryMb: 128,
  callTimeoutMs: 10_000,
  suiteTimeoutMs: 30_000,
  testTimeoutMs: 5_000,
  cpuTimeMs: 30_000,
  maxArgsBytes: 1_048_576,
  maxResultBytes: 1_048_576,
  maxConsoleBytes: 1_048_576,
});

export const ConsoleCaptureSchema = z.object({
  text: z.string(),
  truncated: z.boolean(),
});
export type ConsoleCapture = z.infer<typeof ConsoleCaptureSchema>;

export const TestResultSchema = z.object({
  /** Full name: describe blocks and the test, joined with " > ". */
  name: z.string(),
  status: z.enum(['passed', 'failed', 'skipped']),
  durationMs: z.number(),
  failure: z
    .object({
      message: z.string(),
      expected: z.string().optional(),
      received: z.string().optional(),
    })
    .optional(),
});
export type TestResult = z.infer<typeof TestResultSchema>;

/** What the in-sandbox harness returns; the host validates it before trusting it. */
export const HarnessReportSchema = z.object({
  tests: z.array(TestResultSchema),
  /** An error outside any test: a throw while loading the file, or in a beforeAll/afterAll hook. */
  error: z.string().optional(),
});
export type HarnessReport = z.infer<typeof HarnessReportSchema>;

/** Why a run stopped early, when it did. */
export const SandboxFailureCodeSchema = z.enum([
  'timeout', // wall time ran out
  'cpu_limit',
  'memory_limit',
  'output_limit', // result too large
  'args_too_large',
  'load_failed', // the bundle threw while loading
  'tool_threw', // the tool function threw or rejected
  'not_a_function',
  'not_serializable', // the result cannot cross as JSON
  'aborted',
  'sandbox_failed', // the backend itself broke (a crash, a killed process)
]);
export type SandboxFailureCode = z.infer<typeof SandboxFailureCodeSchema>;

export const SandboxFailureSchema = z.object({ code: SandboxFailureCodeSchema, message: z.string() });
export type SandboxFailure = z.infer<typeof SandboxFailureSchema>;

/** `SuiteResult` as data crossing a boundary (the HTTP API); the interface below is the same shape. */
export const SuiteResultSchema = z.object({
  ok: z.boolean(),
  runtime: RuntimeSchema,
  tests: z.array(TestResultSchema),
  totals: z.object({ total: z.number(), passed: z.number(), failed: z.number(), skipped: z.number() }),
  durationMs: z.number(),
  console: ConsoleCaptureSchema,
  error: SandboxFailureSchema.optional(),
});

export interface SuiteResult {
  /** True only when at least one test ran and none failed and no error stopped the suite. */
  ok: boolean;
  runtime: ToolRuntime;
  tests: TestResult[];
  totals: { total: number; passed: number; failed: number; skipped: number };
  durationMs: number;
  console: ConsoleCapture;
  /** Set when the suite could not finish (load error, timeout, limits); tests may be partial. */
  error?: SandboxFailure;
}

export type CallOutcome =
  | { ok: true; runtime: ToolRuntime; value: unknown; durationMs: number; console: ConsoleCapture }
  | { ok: false; runtime: ToolRuntime; error: SandboxFailure; durationMs: number; console: ConsoleCapture };

/**
 * Runs untrusted tool code. Nothing the code does reaches the host beyond the capabilities its
 * manifest grants, and inputs and outputs cross as JSON copies.
 *
 * @example
 * const sandbox = createSandbox();
 * const suite = await sandbox.verify({ pkg });
 * const outcome = await sandbox.call({ pkg, args: { s: 'abc' } });
 */
export interface Sandbox {
  /** Runs the package's test suite. */
  verify(options: { pkg: ToolPackage; limits?: Partial<SandboxLimits>; signal?: AbortSignal }): Promise<SuiteResult>;
  /** Calls the tool function once with `args` (already validated against `parameters`). */
  call(options: { pkg: ToolPackage; args: unknown; limits?: Partial<SandboxLimits>; signal?: AbortSignal }): Promise<CallOutcome>;
}

/** One backend; the public `Sandbox` picks one per package by its manifest's `runtime`. */
export interface SandboxBackend {
  readonly runtime: ToolRuntime;
  verify(options: { pkg: ToolPackage; limits: SandboxLimits; signal?: AbortSignal }): Promise<SuiteResult>;
  call(options: { pkg: ToolPackage; args: unknown; limits: SandboxLimits; signal?: AbortSignal }): Promise<CallOutcome>;
}
