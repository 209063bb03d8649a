import { describeError, systemError } from '../errors.ts';
import type { Sandbox } from '../sandbox/index.ts';

/**
 * A `Sandbox` that loads the real one on first use. `--help`, package checks and argument checks
 * then never load the native isolate module, and a broken install surfaces as a system error
 * (exit 3) with a fix instead of a module-loading stack trace.
 */
export function createLazySandbox(): Sandbox {
  let loading: Promise<Sandbox> | undefined;
  const load = (): Promise<Sandbox> => {
    loading ??= import('../sandbox/index.ts').then(
      (module) => module.createSandbox(),
      (error: unknown) => {
        throw systemError(
          'sandbox_unavailable',
          `the sandbox could not be loaded: ${describeError(error)}`,
          'reinstall dependencies (npm ci) so isolated-vm is built for this Node, and run node with --no-node-snapshot',
          error,
        );
      },
    );
    return loading;
  };
  return {
    verify: async (options) => (await load()).verify(options),
    call: async (options) => (await load()).call(options),
  };
}
