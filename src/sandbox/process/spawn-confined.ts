import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { HarnessEvent } from '../bridge.ts';
import type { ConsoleBuffer } from '../console-capture.ts';
import { isFinalMessage, RunnerMessageSchema, type FinalMessage, type RunRequest } from './runner-protocol.ts';

/** Why the host stopped the process itself, when it did. */
export type HostStop = 'timeout' | 'aborted' | 'output_limit';

export interface ConfinedExit {
  /** The runner's last word, when it got that far. */
  final?: FinalMessage;
  stop?: HostStop;
  /** Exit code of bubblewrap, which passes node's on (128 + n when node died of signal n). */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The start of stderr (node writes fatal errors there), capped. */
  stderr: string;
}

const STDERR_LIMIT = 32_768;
const RESULT_CHANNEL = 3;

// Process groups still running; killed if the host exits first, so no sandbox outlives it.
const live = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of live) killGroup(pid);
  });
}

/**
 * Spawns the confined command, sends the request on stdin and reads the result channel until a
 * final message arrives, the wall time runs out, the signal aborts or the channel grows past its
 * cap; then kills the whole process group and waits for it to close. Never rejects for anything
 * the process does.
 */
export function spawnConfined(options: {
  command: { file: string; args: string[] };
  request: RunRequest;
  wallTimeoutMs: number;
  channelLimitBytes: number;
  console: ConsoleBuffer;
  onEvent: (event: HarnessEvent) => void;
  signal?: AbortSignal | undefined;
}): Promise<ConfinedExit> {
  const { request, signal } = options;
  installExitHook();
  const child = spawn(options.command.file, options.command.args, {
    stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    // bubblewrap leads a new process group, so one kill reaches it; node inside dies with it.
    detached: true,
    env: { PATH: '/usr/bin:/bin' },
  });
  const pid = child.pid;
  if (pid !== undefined) live.add(pid);

  let final: FinalMessage | undefined;
  let stop: HostStop | undefined;
  let stderr = '';
  const stopWith = (reason: HostStop | undefined) => {
    if (stop === undefined && final === undefined) stop = reason;
    if (pid !== undefined) killGroup(pid);
  };

  const timer = setTimeout(() => stopWith('timeout'), options.wallTimeoutMs);
  const onAbort = () => stopWith('aborted');
  signal?.addEventListener('abort', onAbort, { once: true });

  const stdout = new StringDecoder('utf8');
  child.stdout.on('data', (chunk: Buffer) => options.console.writeRaw(stdout.write(chunk)));
  const stderrDecoder = new StringDecoder('utf8');
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < STDERR_LIMIT) stderr = (stderr + stderrDecoder.write(chunk)).slice(0, STDERR_LIMIT);
  });

  readLines(child.stdio[RESULT_CHANNEL] as Readable, options.channelLimitBytes, {
    onLine(line) {
      if (final !== undefined) return;
      const message = parseMessage(line, request.nonce);
      if (message === undefined) return;
      if (message.t === 'log') options.console.write(message.level, message.text);
      else if (message.t === 'event') options.onEvent(message.event);
      else if (isFinalMessage(message)) {
        final = message;
        stopWith(undefined);
      }
    },
    onOverflow: () => stopWith('output_limit'),
  });

  child.stdin.on('error', () => {
    // The process died before reading its request; the exit status says why.
  });
  child.stdin.end(JSON.stringify(request));

  return new Promise((resolve) => {
    const settle = (exitCode: number | null, exitSignal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (pid !== undefined) live.delete(pid);
      resolve({ ...(final ? { final } : {}), ...(stop ? { stop } : {}), exitCode, signal: exitSignal, stderr });
    };
    child.once('error', (error) => {
      // Only a failed spawn lands here before any exit; the host checked the binaries exist.
      stderr = `${stderr}${error.message}`;
      if (pid === undefined) settle(null, null);
    });
    child.once('close', settle);
    if (signal?.aborted) onAbort();
  });
}

function parseMessage(line: string, nonce: string) {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  // Lines without the nonce were written by tool code, not the runner: ignored.
  if (typeof value !== 'object' || value === null || (value as { n?: unknown }).n !== nonce) return undefined;
  const parsed = RunnerMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Splits a stream into lines, giving up (and reporting once) past `limitBytes` in total. */
function readLines(stream: Readable, limitBytes: number, handlers: { onLine: (line: string) => void; onOverflow: () => void }): void {
  let pending: Buffer[] = [];
  let total = 0;
  let overflowed = false;
  stream.on('data', (chunk: Buffer) => {
    if (overflowed) return;
    total += chunk.length;
    if (total > limitBytes) {
      overflowed = true;
      pending = [];
      handlers.onOverflow();
      return;
    }
    let start = 0;
    let newline = chunk.indexOf(0x0a, start);
    while (newline !== -1) {
      pending.push(chunk.subarray(start, newline));
      handlers.onLine(Buffer.concat(pending).toString('utf8'));
      pending = [];
      start = newline + 1;
      newline = chunk.indexOf(0x0a, start);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  stream.on('error', () => {
    // Closed by the kill; the exit status tells the rest.
  });
}
