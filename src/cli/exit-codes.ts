import { ToolsmithError } from '../errors.ts';
import type { SandboxFailureCode, SuiteResult } from '../sandbox/index.ts';

/**
 * The only place Toolsmith's outcomes become process exit codes. Scripts depend on these numbers,
 * so they never change meaning; `toolsmith --help` prints `EXIT_CODE_HELP`.
 */
export const EXIT_CODES = Object.freeze({
  ok: 0,
  /** The work ran and failed: tests failed, the tool threw, timed out or hit a limit. */
  failed: 1,
  /** The caller's input is wrong: usage, package, manifest, arguments. */
  badInput: 2,
  /** The machine failed: sandbox unavailable, an internal error. */
  system: 3,
  /** Stopped by Ctrl-C (128 + SIGINT, as shells expect). */
  interrupted: 130,
});

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

export const EXIT_CODE_HELP = `Exit codes:
  0    success (all tests passed, the tool returned a value)
  1    tests failed, or the tool failed (threw, timed out, hit a limit)
  2    bad input: usage, an invalid package, manifest or arguments
  3    system error: sandbox unavailable, internal failure
  130  interrupted (Ctrl-C)`;

/** For anything thrown out of a command. Unknown throws are our bug, so they count as system errors. */
export function exitCodeForError(error: unknown): ExitCode {
  if (!ToolsmithError.isInstance(error)) return EXIT_CODES.system;
  if (error.code === 'interrupted') return EXIT_CODES.interrupted;
  switch (error.kind) {
    case 'user':
      return EXIT_CODES.badInput;
    // The model produced something unusable: the work failed, not the caller's input or the machine.
    case 'model':
      return EXIT_CODES.failed;
    case 'system':
      return EXIT_CODES.system;
  }
}

/** For a run the sandbox stopped early: the tool's fault, except when the sandbox itself broke. */
export function exitCodeForFailure(code: SandboxFailureCode): ExitCode {
  if (code === 'sandbox_failed') return EXIT_CODES.system;
  if (code === 'aborted') return EXIT_CODES.interrupted;
  return EXIT_CODES.failed;
}

/** A suite passes only when the sandbox says so (at least one test, none failed, no suite error). */
export function exitCodeForSuite(suite: SuiteResult): ExitCode {
  if (suite.ok) return EXIT_CODES.ok;
  return suite.error === undefined ? EXIT_CODES.failed : exitCodeForFailure(suite.error.code);
}
