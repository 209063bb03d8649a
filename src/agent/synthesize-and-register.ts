import { ToolsmithError } from '../errors.ts';
import type { Model } from '../models/index.ts';
import type { Registry, ToolRecord } from '../registry/index.ts';
import type { Sandbox, SandboxLimits } from '../sandbox/index.ts';
import { synthesizeTool, type SynthesisEvent } from '../synthesis/index.ts';
import { throwIfAborted } from './abort-request.ts';

/**
 * The synthesis path: write the tool test-first (`synthesizeTool`, whose events are passed on as
 * they happen), then register it once with the suite it already passed or failed, so the
 * registry does not run it again. A suite that still fails after the repairs is kept as
 * `experimental` with its failures. An abort before the registration leaves nothing behind;
 * the registration itself is one transaction.
 */
export async function synthesizeAndRegister(options: {
  model: Model;
  sandbox: Sandbox;
  registry: Registry;
  /** What the tool is for: the request, or the description of a `create` request. */
  request: string;
  repairAttempts?: number;
  sequential?: boolean;
  limits?: Partial<SandboxLimits>;
  signal?: AbortSignal;
  onEvent: (event: SynthesisEvent) => void;
}): Promise<{ record: ToolRecord; reason?: string }> {
  const { model, sandbox, registry, request, signal, onEvent } = options;
  const result = await synthesizeTool({
    model,
    sandbox,
    request,
    nameTaken: (name) => isTaken(registry, name),
    ...(options.repairAttempts === undefined ? {} : { repairAttempts: options.repairAttempts }),
    ...(options.sequential === undefined ? {} : { sequential: options.sequential }),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    ...(signal === undefined ? {} : { signal }),
    onEvent,
  });
  const reason = result.status === 'experimental' ? describeFailures(result.failures) : undefined;
  // Stopped before registering: nothing is written. Once `add` starts, its one transaction decides.
  throwIfAborted(signal);
  const record = await registry.add({
    pkg: result.pkg,
    verified: result.suite,
    experimental: result.status === 'experimental',
    reason: `synthesized for "${request}"`,
    ...(signal === undefined ? {} : { signal }),
  });
  return { record, ...(reason === undefined ? {} : { reason }) };
}

async function isTaken(registry: Registry, name: string): Promise<boolean> {
  try {
    await registry.get({ name });
    return true;
  } catch (error) {
    if (ToolsmithError.isInstance(error) && error.code === 'tool_not_found') return false;
    throw error;
  }
}

function describeFailures(failures: ReadonlyArray<{ test?: string; message: string }>): string {
  const shown = failures.slice(0, 3).map((failure) => (failure.test === undefined ? failure.message : `${failure.test}: ${failure.message}`));
  const more = failures.length > 3 ? ` (+${failures.length - 3} more)` : '';
  return `${failures.length} failing: ${shown.join('; ')}${more}`;
}
