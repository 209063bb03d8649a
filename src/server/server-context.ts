import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../config.ts';
import type { Toolsmith } from '../toolsmith.ts';
import type { RequestRunner } from './request-runner.ts';

/** What every route group is given: the parts built at the edge, and the server's limits. */
export interface ServerContext {
  toolsmith: Toolsmith;
  config: Config;
  runner: RequestRunner;
  limits: ServerLimits;
}

export interface ServerLimits {
  /** Requests the agent works on at once; more get 429 (default 4). */
  maxRunningRequests: number;
  /** Largest request body accepted; larger gets 413 (default 256 KB). */
  maxBodyBytes: number;
  /** Seconds a client told 429 should wait (default 5). */
  retryAfterSeconds: number;
}

export type ApiApp = OpenAPIHono;
