import { z } from 'zod';

export const MessageRoleSchema = z.enum(['user', 'assistant', 'tool']);

/** A message to remember. `tool` messages carry the call and, when it succeeded, its result. */
export const MessageInputSchema = z
  .object({
    role: MessageRoleSchema,
    content: z.string(),
    toolName: z.string().min(1).optional(),
    toolVersion: z.string().min(1).optional(),
    arguments: z.record(z.string(), z.unknown()).optional(),
    /** Any JSON value the tool returned (`null` included); leave out when the call failed. */
    result: z.unknown().optional(),
  })
  .refine((message) => message.role === 'tool' || (message.toolName === undefined && message.result === undefined), {
    message: 'only tool messages carry a tool name or a result',
  });

export const SessionSchema = z.object({
  /** Short and readable, e.g. `k7mq2x9d`. */
  id: z.string(),
  title: z.string().nullable(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
});

export const SessionSummarySchema = SessionSchema.extend({ messageCount: z.number().int().nonnegative() });

export const SessionMessageSchema = z.object({
  id: z.number().int(),
  sessionId: z.string(),
  role: MessageRoleSchema,
  content: z.string(),
  toolName: z.string().optional(),
  toolVersion: z.string().optional(),
  arguments: z.record(z.string(), z.unknown()).optional(),
  result: z.unknown().optional(),
  createdAt: z.coerce.date(),
});

export type MessageRole = z.infer<typeof MessageRoleSchema>;
export type MessageInput = z.input<typeof MessageInputSchema>;
export type Session = z.infer<typeof SessionSchema>;
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export type SessionMessage = z.infer<typeof SessionMessageSchema>;
/** A `tool` message whose call returned a value. */
export type ToolResultMessage = SessionMessage & { role: 'tool'; toolName: string; result: unknown };
