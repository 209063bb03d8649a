import type { z } from 'zod';
import type { ModelPurpose, ModelUsage } from './model-port.ts';

/** One turn of a conversation with the model; a re-ask adds the bad reply and a follow-up. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface DriverRequest {
  purpose: ModelPurpose;
  system?: string;
  messages: ChatMessage[];
  /** Present for structured calls: providers ask for JSON in this shape. The reply is checked by the caller. */
  output?: { schema: z.ZodType; name: string };
  signal?: AbortSignal;
}

export interface DriverReply {
  /** The raw reply; for structured calls, JSON text that has not been checked against the schema yet. */
  text: string;
  usage: ModelUsage;
}

/**
 * What a concrete model does: turn one conversation into one raw reply. API retries belong here;
 * checking structured replies and asking again does not (`createDrivenModel` does that once for all).
 */
export interface ModelDriver {
  readonly id: string;
  complete(request: DriverRequest): Promise<DriverReply>;
}
