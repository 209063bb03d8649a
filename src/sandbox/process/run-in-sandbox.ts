import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleToolPackage, type BundlePurpose, type ToolPackage } from '../../tool-package/index.ts';
import type { HarnessEvent } from '../bridge.ts';
import type { ConsoleBuffer } from '../console-capture.ts';
import { getHarnessScript } from '../harness/harness-script.ts';
import type { SandboxFailure, SandboxLimits } from '../types.ts';
import { confinedCommand, readablePaths } from './bwrap-args.ts';
import { classifyExit } from './classify-exit.ts';
import type { ConfinementHost } from './prepare-host.ts';
import { resolveReadGrants } from '../read-grants.ts';
import type { FinalMessage } from './runner-protocol.ts';
import { BUNDLE_FILE, HARNESS_FILE, RUNNER_FILE, RUNNER_SOURCE } from './runner-script.ts';
import { spawnConfined } from './spawn-confined.ts';

// Room on the result channel beyond the result and console budgets, for framing and test events.
const CHANNEL_SLACK_BYTES = 1_048_576;

/**
 * One confined run: writes the runner, harness and bundle into a fresh private folder, runs node
 * on them under bubblewrap and returns the runner's final message or why there was none.
 */
export async function runInSandbox(options: {
  host: ConfinementHost;
  pkg: ToolPackage;
  purpose: BundlePurpose;
  argsJson?: string;
  limits: SandboxLimits;
  console: ConsoleBuffer;
  onEvent?: (event: HarnessEvent) => void;
  signal?: AbortSignal | undefined;
}): Promise<{ final?: FinalMessage; failure?: SandboxFailure }> {
  const { host, pkg, purpose, limits } = options;
  const [grants, bundle, harness] = await Promise.all([
    resolveReadGrants(pkg),
    bundleToolPackage({ pkg, purpose }),
    getHarnessScript(),
  ]);
  // mkdtemp makes the folder 0700: only this user (the sandbox's uid maps back to it) can read it.
  const runDir = await mkdtemp(join(tmpdir(), 'toolsmith-run-'));
  try {
    await Promise.all([
      writeFile(join(runDir, RUNNER_FILE), RUNNER_SOURCE, { mode: 0o600 }),
      writeFile(join(runDir, HARNESS_FILE), harness, { mode: 0o600 }),
      writeFile(join(runDir, BUNDLE_FILE), bundle.code, { mode: 0o600 }),
    ]);
    const wallTimeoutMs = purpose === 'verify' ? limits.suiteTimeoutMs : limits.callTimeoutMs;
    const exit = await spawnConfined({
      command: confinedCommand({ ...host, runDir, readGrants: grants, limits }),
      request: {
        nonce: randomBytes(24).toString('base64url'),
        purpose,
        toolName: pkg.manifest.name,
        ...(options.argsJson === undefined ? {} : { argsJson: options.argsJson }),
        testTimeoutMs: limits.testTimeoutMs,
        maxConsoleBytes: limits.maxConsoleBytes,
        maxResultBytes: limits.maxResultBytes,
        readRoots: readablePaths(grants),
      },
      wallTimeoutMs,
      channelLimitBytes: limits.maxConsoleBytes + 2 * limits.maxResultBytes + CHANNEL_SLACK_BYTES,
      console: options.console,
      onEvent: options.onEvent ?? (() => {}),
      signal: options.signal,
    });
    const failure = classifyExit(exit, { limits, wallTimeoutMs, what: purpose === 'verify' ? 'suite' : 'call' });
    return { ...(exit.final ? { final: exit.final } : {}), ...(failure ? { failure } : {}) };
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}
