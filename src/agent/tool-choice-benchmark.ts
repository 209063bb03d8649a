import { z } from 'zod';
import type { Registry } from '../registry/index.ts';
import { chooseTool, type ToolChoice } from './choose-tool.ts';

/** One line of a labeled request set (`starter/requests-with-values.jsonl`): a request and the tool that answers it. */
export const LabeledRequestSchema = z.object({ request: z.string().min(1), tool: z.string().min(1) });
export type LabeledRequest = z.infer<typeof LabeledRequestSchema>;

export interface ToolChoiceRow {
  request: string;
  expected: string;
  /** The top hit, whatever the decision. */
  top?: string;
  similarity: number;
  /** The runner-up's similarity (0 when there is none). */
  runnerUp: number;
  decision: ToolChoice['decision'];
}

export interface ToolChoiceReport {
  requests: number;
  /** The top hit is the labeled tool. */
  rightTool: number;
  /** The decision is `reuse` or `check`: the request is answered without a model. */
  answered: number;
  /** Answered with the labeled tool. */
  answeredRight: number;
  /** Answered with another tool: a wrong answer, the worst outcome. */
  answeredWrong: number;
  rows: ToolChoiceRow[];
}

/**
 * Runs `chooseTool` (the agent's own step, with no model and no session) on every labeled request
 * and counts what a user would see: the right tool, an answer without a model, and a wrong tool answered.
 *
 * @example
 * const report = await measureToolChoice({ registry, requests });
 * console.log(report.answeredWrong / report.requests);
 */
export async function measureToolChoice(options: { registry: Registry; requests: readonly LabeledRequest[]; signal?: AbortSignal }): Promise<ToolChoiceReport> {
  const { registry, requests, signal } = options;
  const rows: ToolChoiceRow[] = [];
  for (const { request, tool } of requests) {
    const choice = await chooseTool({ registry, request, ...(signal === undefined ? {} : { signal }) });
    const top = choice.hits[0];
    rows.push({ request, expected: tool, ...(top === undefined ? {} : { top: top.name }), similarity: top?.similarity ?? 0, runnerUp: choice.hits[1]?.similarity ?? 0, decision: choice.decision });
  }
  const answered = rows.filter((row) => row.decision !== 'synthesize');
  return {
    requests: rows.length,
    rightTool: rows.filter((row) => row.top === row.expected).length,
    answered: answered.length,
    answeredRight: answered.filter((row) => row.top === row.expected).length,
    answeredWrong: answered.filter((row) => row.top !== row.expected).length,
    rows,
  };
}

/** Parses a JSON-lines labeled request set; blank lines are skipped. */
export function parseLabeledRequests(text: string): LabeledRequest[] {
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => LabeledRequestSchema.parse(JSON.parse(line)));
}
