import type { Sandbox } from '../../sandbox/index.ts';
import { loadToolPackage } from '../../tool-package/index.ts';
import { exitCodeForSuite, type ExitCode } from '../exit-codes.ts';
import type { Output } from '../output.ts';
import { renderSuite } from '../render-suite.ts';

export interface VerifyCommandOptions {
  dir: string;
  json: boolean;
  sandbox: Sandbox;
  output: Output;
  signal: AbortSignal;
}

/** `toolsmith verify DIR`: static checks, then the package's own tests in its sandbox. */
export async function verifyCommand(options: VerifyCommandOptions): Promise<ExitCode> {
  const { dir, json, sandbox, output, signal } = options;
  const pkg = await loadToolPackage({ dir });
  const suite = await sandbox.verify({ pkg, signal });
  output.stdout(json ? `${JSON.stringify(suite, null, 2)}\n` : renderSuite(pkg, suite));
  return exitCodeForSuite(suite);
}
