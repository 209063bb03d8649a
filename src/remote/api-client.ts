import type { z } from 'zod';
import { describeError, systemError, ToolsmithError, type ErrorKind } from '../errors.ts';
import { ErrorResponseSchema } from '../api-contract/index.ts';

export interface ApiCall<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  /** Under the server's URL, e.g. `/api/tools`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The reply's shape; undefined for a reply without a body (204). */
  schema?: S;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * Toolsmith's HTTP API as function calls: JSON in, replies checked against the API's own zod
 * schemas, and error replies turned back into the ToolsmithError the server raised (same kind,
 * code, message and hint), so a CLI command reports and exits exactly as it would locally.
 */
export interface ApiClient {
  readonly url: string;
  call<S extends z.ZodType>(call: ApiCall<S> & { schema: S }): Promise<z.infer<S>>;
  call(call: ApiCall<z.ZodType> & { schema?: undefined }): Promise<void>;
  /** The raw response of a successful call (for event streams). */
  open(call: ApiCall<z.ZodType>): Promise<Response>;
}

export function createApiClient(options: { url: string; token?: string; fetch?: typeof fetch }): ApiClient {
  const { url, token } = options;
  const fetchImpl = options.fetch ?? globalThis.fetch;

  const open = async (call: ApiCall<z.ZodType>): Promise<Response> => {
    const target = new URL(call.path, url);
    for (const [key, value] of Object.entries(call.query ?? {})) if (value !== undefined) target.searchParams.set(key, String(value));
    const headers: Record<string, string> = { ...call.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(target, {
        method: call.method,
        headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.signal === undefined ? {} : { signal: call.signal }),
      });
    } catch (error) {
      if (call.signal?.aborted === true) throw error;
      throw systemError('server_unreachable', `cannot reach the Toolsmith server at ${url}: ${describeError(error)}`, 'check that `toolsmith serve` is still running, or stop it to use the library directly', error);
    }
    if (!response.ok) throw await errorOf(response, url);
    return response;
  };

  async function call<S extends z.ZodType>(request: ApiCall<S>): Promise<z.infer<S> | undefined> {
    const response = await open(request);
    if (request.schema === undefined) {
      await response.body?.cancel();
      return undefined;
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw invalidReply(url, request.path, `not JSON (${describeError(error)})`);
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) throw invalidReply(url, request.path, parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; '));
    return parsed.data as z.infer<S>;
  }

  return { url, call: call as ApiClient['call'], open };
}

function invalidReply(url: string, path: string, problem: string): ToolsmithError {
  return systemError('server_reply_invalid', `the Toolsmith server at ${url} sent an unexpected reply to ${path}: ${problem}`, 'the server may run another Toolsmith version; restart `toolsmith serve` from this installation');
}

async function errorOf(response: Response, url: string): Promise<ToolsmithError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = ErrorResponseSchema.safeParse(body);
  if (!parsed.success) {
    return systemError('server_reply_invalid', `the Toolsmith server at ${url} answered HTTP ${response.status} without an error report`, 'check the server log');
  }
  const { kind, code, message, hint } = parsed.data.error;
  return new ToolsmithError({ kind: kind ?? kindOfStatus(response.status), code, message, ...(hint === undefined ? {} : { hint }), details: { status: response.status } });
}

function kindOfStatus(status: number): ErrorKind {
  if (status === 502) return 'model';
  return status < 500 ? 'user' : 'system';
}
