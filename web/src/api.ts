/**
 * The HTTP API as the web UI uses it: the wire shapes it reads (a subset of
 * src/api-contract/api-schemas.ts, written out so the bundle pulls in nothing from the server) and one
 * fetch helper that turns an error body into an `ApiError`.
 */

export type ToolStatus = 'verified' | 'experimental';
export type Band = 'reuse' | 'check' | 'synthesize';

export interface ToolListItem {
  name: string;
  description: string;
  version: string;
  status: ToolStatus;
  statusReason: string | null;
  uses: number;
  successRate: number | null;
  similarity?: number;
  score?: number;
  band?: Band;
}

export interface ToolDetail {
  name: string;
  version: string;
  currentVersion: string;
  manifest: { description?: string; parameters?: JsonSchema; returns?: JsonSchema; runtime?: string; [key: string]: unknown };
  source: string;
  tests: string;
  status: ToolStatus;
  statusReason: string | null;
  reason: string;
  createdAt: string;
  updatedAt: string;
  stats: { uses: number; successes: number; failures: number; successRate: number | null; lastUsedAt: string | null };
}

export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  [key: string]: unknown;
}

export interface VersionEntry {
  version: string;
  reason: string;
  status: ToolStatus;
  statusReason: string | null;
  testTotals: { total: number; passed: number; failed: number; skipped: number } | null;
  isCurrent: boolean;
  createdAt: string;
}

export interface Execution {
  version: string;
  success: boolean;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

export interface Executions {
  name: string;
  version: string;
  totals: ToolDetail['stats'];
  executions: Execution[];
}

export interface CallOutcome {
  ok: boolean;
  runtime: 'isolate' | 'process';
  value?: unknown;
  error?: { code: string; message: string };
  durationMs: number;
  console: { text: string; truncated: boolean };
}

export interface Settings {
  model: string | null;
  embedder: string;
  sentenceEncoder: 'use-lite' | 'off';
  database: 'pglite' | 'postgres';
  auth: 'token' | 'none';
  maxRunningRequests: number;
  maxBodyBytes: number;
}

export interface SessionMessage {
  id: number;
  role: 'user' | 'assistant' | 'tool';
  content: string;
  toolName?: string;
  createdAt: string;
}

export interface RequestAccepted {
  requestId: string;
  sessionId: string;
  eventsUrl: string;
}

/** An error the API answered with (`{ error: { code, message, hint } }`), or a network failure (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly hint: string | undefined;
  constructor(status: number, code: string, message: string, hint?: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.hint = hint;
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...(init?.body === undefined ? {} : { 'Content-Type': 'application/json' }) } });
  } catch (error) {
    throw new ApiError(0, 'network_error', `cannot reach the Toolsmith server: ${String(error)}`, 'is `toolsmith serve` still running?');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; hint?: string } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? `the server answered ${response.status}`, error?.hint);
  }
  return body as T;
}

const path = (name: string) => `/api/tools/${encodeURIComponent(name)}`;

export const api = {
  startRequest: (body: { request: string; sessionId?: string }) => call<RequestAccepted>('/api/requests', { method: 'POST', body: JSON.stringify(body) }),
  requestStatus: (requestId: string) => call<{ status: 'running' | 'succeeded' | 'failed' }>(`/api/requests/${encodeURIComponent(requestId)}`),
  tools: (query: string) => call<{ tools: ToolListItem[]; band?: Band }>(query.trim() === '' ? '/api/tools?limit=100' : `/api/tools?q=${encodeURIComponent(query.trim())}&limit=25`),
  tool: (name: string) => call<ToolDetail>(path(name)),
  versions: (name: string) => call<{ name: string; versions: VersionEntry[] }>(`${path(name)}/versions`),
  version: (name: string, version: string) => call<ToolDetail>(`${path(name)}/versions/${encodeURIComponent(version)}`),
  executions: (name: string, limit = 20) => call<Executions>(`${path(name)}/executions?limit=${limit}`),
  runTool: (name: string, args: Record<string, unknown>) => call<CallOutcome>(`${path(name)}/run`, { method: 'POST', body: JSON.stringify({ args }) }),
  messages: (sessionId: string) => call<{ sessionId: string; messages: SessionMessage[] }>(`/api/sessions/${encodeURIComponent(sessionId)}/messages?limit=200`),
  settings: () => call<Settings>('/api/settings'),
};

export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.hint === undefined ? error.message : `${error.message} (${error.hint})`;
  return error instanceof Error ? error.message : String(error);
}
