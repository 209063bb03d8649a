import { runTool, type CallOutcome, type Sandbox, type SandboxFailure } from '../../sandbox/index.ts';
import { loadToolPackage, type ToolPackage } from '../../tool-package/index.ts';
import { EXIT_CODES, exitCodeForFailure, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';
import { readArguments, type ArgumentSources } from '../read-arguments.ts';

export interface RunCommandOptions extends ArgumentSources {
  dir: string;
  json: boolean;
  sandbox: Sandbox;
  output: Output;
  signal: AbortSignal;
}

/**
 * `toolsmith run DIR --args JSON`: the result goes to stdout as JSON and nothing else does;
 * the tool's console output goes to stderr so it never corrupts what a script parses.
 */
export async function runCommand(options: RunCommandOptions): Promise<ExitCode> {
  const { dir, json, sandbox, output, signal } = options;
  const pkg = await loadToolPackage({ dir });
  const args = await readArguments(pkg, options);
  const outcome = await runTool({ sandbox, pkg, args, signal });
  if (outcome.console.text.length > 0) output.stderr(outcome.console.text.endsWith('\n') ? outcome.console.text : `${outcome.console.text}\n`);
  if (json) {
    output.stdout(`${JSON.stringify(envelope(pkg, outcome), null, 2)}\n`);
  } else if (outcome.ok) {
    // A tool returning nothing still prints valid JSON.
    output.stdout(`${JSON.stringify(outcome.value ?? null, null, 2)}\n`);
  } else {
    output.stderr(`error: ${failureMessage(pkg, outcome.error)}\nhint: ${failureHint(pkg, outcome.error)}\n`);
  }
  return outcome.ok ? EXIT_CODES.ok : exitCodeForFailure(outcome.error.code);
}

function envelope(pkg: ToolPackage, outcome: CallOutcome): Record<string, unknown> {
  const durationMs = Math.round(outcome.durationMs);
  if (outcome.ok) return { ok: true, result: outcome.value ?? null, durationMs };
  const error = outcome.error;
  return { ok: false, error: { code: error.code, message: failureMessage(pkg, error), hint: failureHint(pkg, error) }, durationMs };
}

function failureMessage(pkg: ToolPackage, error: SandboxFailure): string {
  return `${pkg.manifest.name} failed (${error.code}): ${error.message}`;
}

function failureHint(pkg: ToolPackage, error: SandboxFailure): string {
  const verify = `toolsmith verify ${pkg.dir ?? '<dir>'}`;
  switch (error.code) {
    case 'timeout':
    case 'cpu_limit':
      return 'the tool ran too long; look for an endless loop or make the work smaller';
    case 'memory_limit':
      return 'the tool used too much memory; make the input smaller or the tool leaner';
    case 'output_limit':
      return 'the result is too large; return less data';
    case 'args_too_large':
      return 'the arguments are too large; pass less data';
    case 'not_serializable':
      return 'return plain JSON values (no functions, class instances, undefined or cycles)';
    case 'sandbox_failed':
      return 'the sandbox itself failed; rerun with TOOLSMITH_DEBUG=1 and report it if it persists';
    case 'aborted':
      return 'the run was interrupted';
    default:
      return `check the arguments, or run ${verify} to see whether the tool's tests pass`;
  }
}
