import { z } from 'zod';
import { TestResultSchema } from '../types.ts';

/** What the host writes to the runner's stdin: everything the run needs, read before tool code loads. */
export interface RunRequest {
  /** Tags every message on the result channel; tool code never sees it, so it cannot forge one. */
  nonce: string;
  purpose: 'call' | 'verify';
  toolName: string;
  /** The arguments as JSON text (`call` only). */
  argsJson?: string;
  testTimeoutMs: number;
  maxConsoleBytes: number;
  maxResultBytes: number;
  /** Real paths of the `fs.read` grants, mounted at the same paths inside. */
  readRoots: string[];
}

const HarnessEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('test-start'), name: z.string() }),
  z.object({ type: z.literal('test-end'), result: TestResultSchema }),
]);

/** Failures the runner itself detects and reports; the rest (limits, crashes) the host infers. */
export const RunnerFailureCodeSchema = z.enum(['load_failed', 'tool_threw', 'not_a_function', 'not_serializable', 'output_limit']);

/**
 * One line on the result channel (fd 3). Everything from the process is untrusted: the host
 * checks the nonce, parses each line with this schema and drops what does not match.
 */
export const RunnerMessageSchema = z.discriminatedUnion('t', [
  z.object({ n: z.string(), t: z.literal('log'), level: z.enum(['log', 'info', 'warn', 'error', 'debug']), text: z.string() }),
  z.object({ n: z.string(), t: z.literal('event'), event: HarnessEventSchema }),
  z.object({ n: z.string(), t: z.literal('result'), value: z.unknown().optional() }),
  // The report is validated separately with HarnessReportSchema, for a precise message.
  z.object({ n: z.string(), t: z.literal('suite'), report: z.unknown() }),
  z.object({ n: z.string(), t: z.literal('fail'), code: RunnerFailureCodeSchema, message: z.string() }),
]);
export type RunnerMessage = z.infer<typeof RunnerMessageSchema>;

/** The message that ends a run; the host stops the process as soon as one arrives. */
export type FinalMessage = Extract<RunnerMessage, { t: 'result' | 'suite' | 'fail' }>;

export function isFinalMessage(message: RunnerMessage): message is FinalMessage {
  return message.t === 'result' || message.t === 'suite' || message.t === 'fail';
}
