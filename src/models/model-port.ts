import type { z } from 'zod';

/**
 * Why Toolsmith is calling the model. Every call names one; the scripted model picks its reply by
 * it, and usage is reported per purpose. Later stages add purposes (e.g. `plan`); a plain
 * single-tool request never needs more than these.
 */
export const MODEL_PURPOSES = ['spec', 'tests', 'implementation', 'repair', 'arguments', 'answer', 'plan'] as const;
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];

export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

/** One finished model call, as the agent reports it (`--json`, events, benchmarks). */
export interface ModelCallRecord {
  purpose: ModelPurpose;
  model: string;
  durationMs: number;
  usage: ModelUsage;
  /** 1 for a first try; 2 when a structured reply was asked for again after a schema error. */
  attempt: number;
}

export interface GenerateObjectOptions<T> {
  purpose: ModelPurpose;
  /** The reply must parse as JSON and pass this schema, as for a real provider's structured output. */
  schema: z.ZodType<T>;
  /** A short name for the schema, sent to providers that support named outputs. */
  schemaName: string;
  system?: string;
  prompt: string;
  signal?: AbortSignal;
  /** Called once per model reply, including a re-asked one; see `withCallLog`. */
  onCall?: (record: ModelCallRecord) => void;
}

export interface GenerateTextOptions {
  purpose: ModelPurpose;
  system?: string;
  prompt: string;
  signal?: AbortSignal;
  /** Called once per model reply; see `withCallLog`. */
  onCall?: (record: ModelCallRecord) => void;
}

/**
 * The model port: what the rest of Toolsmith needs from a language model.
 *
 * Implementations: AI SDK providers (`openai:gpt-4.1`, `anthropic:claude-…`,
 * `openai-compatible:<model>` with a base URL) and the scripted model (`scripted:FILE`).
 * Failures throw `ToolsmithError`s: `model` kind for replies that do not parse or fit the schema,
 * `system` kind for API failures (retryable ones already retried with backoff).
 *
 * @example
 * const { object } = await model.generateObject({ purpose: 'spec', schema: SpecSchema, schemaName: 'tool_spec', prompt });
 * const { text } = await model.generateText({ purpose: 'implementation', prompt });
 */
export interface Model {
  /** `provider:model`, e.g. `openai:gpt-4.1-mini` or `scripted:demo.json`. */
  readonly id: string;
  /** `usage` sums every reply the object took (two when it was asked for again). */
  generateObject<T>(options: GenerateObjectOptions<T>): Promise<{ object: T; usage: ModelUsage }>;
  generateText(options: GenerateTextOptions): Promise<{ text: string; usage: ModelUsage }>;
}
