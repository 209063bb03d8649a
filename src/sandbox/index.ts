export { createSandbox } from './create-sandbox.ts';
export { runTool, checkArguments, argumentsHint } from './run-tool.ts';
export type { SandboxConfig } from './create-sandbox.ts';
export { DEFAULT_LIMITS, TestResultSchema, HarnessReportSchema, SandboxFailureSchema, SuiteResultSchema, ConsoleCaptureSchema } from './types.ts';
export type {
  Sandbox,
  SandboxLimits,
  SuiteResult,
  TestResult,
  CallOutcome,
  ConsoleCapture,
  SandboxFailure,
  SandboxFailureCode,
} from './types.ts';
