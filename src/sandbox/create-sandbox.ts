import type { ToolRuntime } from '../tool-package/index.ts';
import { createIsolateBackend } from './isolate/isolate-backend.ts';
import { createProcessBackend, type ProcessBackendOptions } from './process/process-backend.ts';
import { DEFAULT_LIMITS, type Sandbox, type SandboxBackend, type SandboxLimits } from './types.ts';

export interface SandboxConfig {
  /** Overrides for the default limits, applied to every run (a run may override again). */
  limits?: Partial<SandboxLimits>;
  process?: ProcessBackendOptions;
}

/**
 * Builds the sandbox: an isolate backend for `runtime: "isolate"` packages and a bubblewrap-confined
 * process backend for `runtime: "process"`, each made on first use.
 */
export function createSandbox(config: SandboxConfig = {}): Sandbox {
  const base: SandboxLimits = { ...DEFAULT_LIMITS, ...config.limits };
  const backends = new Map<ToolRuntime, SandboxBackend>();
  const backendFor = (runtime: ToolRuntime): SandboxBackend => {
    const existing = backends.get(runtime);
    if (existing !== undefined) return existing;
    const backend = runtime === 'process' ? createProcessBackend(config.process) : createIsolateBackend();
    backends.set(runtime, backend);
    return backend;
  };
  const limitsFor = (overrides: Partial<SandboxLimits> | undefined): SandboxLimits => ({ ...base, ...overrides });
  return {
    verify: ({ pkg, limits, signal }) =>
      backendFor(pkg.manifest.runtime).verify({ pkg, limits: limitsFor(limits), ...(signal ? { signal } : {}) }),
    call: ({ pkg, args, limits, signal }) =>
      backendFor(pkg.manifest.runtime).call({ pkg, args, limits: limitsFor(limits), ...(signal ? { signal } : {}) }),
  };
}
