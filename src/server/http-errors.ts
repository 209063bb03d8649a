import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ToolsmithError, userError } from '../errors.ts';
import type { ApiError } from '../api-contract/index.ts';

/**
 * The only place Toolsmith's errors become HTTP statuses (as `exit-codes.ts` is for the CLI).
 * Codes the server raises itself are named here; everything else follows its `kind`.
 */
const STATUS_BY_CODE: Readonly<Record<string, ContentfulStatusCode>> = Object.freeze({
  body_invalid: 400,
  unauthorized: 401,
  host_not_allowed: 403,
  route_not_found: 404,
  request_not_found: 404,
  body_too_large: 413,
  media_type_unsupported: 415,
  server_busy: 429,
});

export function statusForError(error: unknown): ContentfulStatusCode {
  if (!ToolsmithError.isInstance(error)) return 500;
  const named = STATUS_BY_CODE[error.code];
  if (named !== undefined) return named;
  switch (error.kind) {
    case 'user':
      // `tool_not_found`, `version_not_found`, `session_not_found`…: the thing asked for is not there.
      return error.code.endsWith('_not_found') ? 404 : 400;
    // The model answered wrongly: the server was a gateway to a bad upstream reply.
    case 'model':
      return 502;
    case 'system':
      return 503;
  }
}

/** The JSON body of every error response. Unknown throws are our bug: their message stays in the log. */
export function errorBody(error: unknown): { error: ApiError } {
  if (!ToolsmithError.isInstance(error)) {
    return { error: { code: 'internal_error', kind: 'system', message: 'the server failed unexpectedly', hint: 'this is a bug; run with TOOLSMITH_DEBUG=1 and report the log' } };
  }
  return { error: { code: error.code, kind: error.kind, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) } };
}

/** Hono's own exceptions (malformed JSON, unsupported media type) in Toolsmith's terms. */
export function fromHttpException(exception: HTTPException): ToolsmithError {
  if (exception.status === 415) return userError('media_type_unsupported', 'the request body must be JSON', 'send it with "Content-Type: application/json"');
  if (exception.status === 413) return bodyTooLarge();
  if (exception.status === 400) return userError('body_invalid', `the request body is not valid JSON: ${exception.message}`, 'send one JSON object, e.g. {"request": "What is 15 percent of 300?"}');
  return userError('http_error', exception.message || `HTTP ${exception.status}`);
}

export function bodyTooLarge(limitBytes?: number): ToolsmithError {
  const limit = limitBytes === undefined ? '' : ` (${Math.round(limitBytes / 1024)} KB)`;
  return userError('body_too_large', `the request body is larger than the server accepts${limit}`, 'send a smaller body');
}

/** The response for any error: the status from the table, the body from `errorBody`. */
export function errorResponse(error: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(errorBody(error), { status: statusForError(error), headers });
}
