import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { describeError, ToolsmithError } from '../errors.ts';
import type { CallOutcome } from '../sandbox/index.ts';

/**
 * A tool's return value as a result: `structuredContent` is the value itself when it is an object
 * (what an `outputSchema` describes), else `{ result: value }`; the text content is its JSON.
 */
export function valueResult(value: unknown): CallToolResult {
  const structured = isPlainObject(value) ? value : { result: value };
  return { content: [{ type: 'text', text: JSON.stringify(value ?? null) }], structuredContent: structured };
}

/** A sandbox call as a result: the value, or `isError` with the failure's code and message. */
export function outcomeResult(outcome: CallOutcome): CallToolResult {
  if (outcome.ok) return valueResult(outcome.value);
  return errorResult(`${outcome.error.code}: ${outcome.error.message}`);
}

/** Anything thrown while handling a call, as an `isError` result the calling agent can read and act on. */
export function thrownResult(error: unknown): CallToolResult {
  if (ToolsmithError.isInstance(error)) return errorResult(`${error.code}: ${error.message}${error.hint === undefined ? '' : ` (hint: ${error.hint})`}`);
  return errorResult(describeError(error));
}

export function errorResult(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
