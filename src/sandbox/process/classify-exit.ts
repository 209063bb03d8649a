import type { SandboxFailure, SandboxLimits } from '../types.ts';
import type { ConfinedExit } from './spawn-confined.ts';

const SIGKILL_STATUS = 128 + 9;
const SIGABRT_STATUS = 128 + 6;
const SIGXCPU_STATUS = 128 + 24;
const SIGXFSZ_STATUS = 128 + 25;
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|Committing semi space failed|Cannot allocate memory|std::bad_alloc/;

/**
 * Why a run that ended without a final message ended, from what the host saw: its own reason to
 * stop the process, else the exit status and stderr. Undefined when the runner reported normally.
 */
export function classifyExit(exit: ConfinedExit, context: { limits: SandboxLimits; wallTimeoutMs: number; what: 'call' | 'suite' }): SandboxFailure | undefined {
  const { limits, wallTimeoutMs, what } = context;
  if (exit.stop === 'timeout') return { code: 'timeout', message: `the ${what} ran longer than ${wallTimeoutMs} ms and was stopped` };
  if (exit.stop === 'aborted') return { code: 'aborted', message: `the ${what} was aborted` };
  if (exit.stop === 'output_limit') {
    return { code: 'output_limit', message: `the ${what} wrote more output than the limits allow (result ${limits.maxResultBytes} bytes, console ${limits.maxConsoleBytes} bytes) and was stopped` };
  }
  if (exit.final !== undefined) return exit.final.t === 'fail' ? { code: exit.final.code, message: exit.final.message } : undefined;

  const status = exit.exitCode;
  if (OUT_OF_MEMORY.test(exit.stderr) || status === SIGABRT_STATUS) {
    return { code: 'memory_limit', message: `the ${what} ran out of memory (heap limit ${limits.memoryMb} MB)` };
  }
  // Only the CPU rlimit sends SIGKILL that the host did not: the address-space cap keeps the
  // kernel's OOM killer away, and pid 1 of its namespace cannot kill itself.
  if (status === SIGKILL_STATUS || status === SIGXCPU_STATUS) {
    return { code: 'cpu_limit', message: `the ${what} used more than ${Math.ceil(limits.cpuTimeMs / 1000)} s of CPU time and was stopped` };
  }
  if (status === SIGXFSZ_STATUS) return { code: 'output_limit', message: `the ${what} tried to write a file over the size limit` };
  const detail = exit.stderr.trim().slice(0, 2_000);
  const how = status === null ? `was killed by ${exit.signal ?? 'a signal'}` : `exited with code ${status}`;
  return { code: 'sandbox_failed', message: `the sandboxed process ${how} before reporting a result${detail ? `: ${detail}` : ''}` };
}
