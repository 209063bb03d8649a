import { z } from 'zod';

export type ReplyCheck<T> = { ok: true; value: T } | { ok: false; error: string };

const fencedBlock = /(?:```|~~~)[ \t]*(?:json[c5]?)?[ \t]*\r?\n([\s\S]*?)\r?\n?[ \t]*(?:```|~~~)/i;

/**
 * Parses a structured reply and checks it against its schema. Models often wrap JSON in a
 * ```json fence even in JSON mode, so a fenced block is unwrapped first.
 */
export function parseJsonReply<T>(options: { text: string; schema: z.ZodType<T> }): ReplyCheck<T> {
  const trimmed = options.text.trim();
  if (trimmed === '') return { ok: false, error: 'The reply was empty; expected a JSON value.' };
  const json = fencedBlock.exec(trimmed)?.[1] ?? trimmed;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: `The reply is not valid JSON (${(error as Error).message}).` };
  }
  const result = options.schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: `The reply does not match the schema:\n${z.prettifyError(result.error)}` };
}
