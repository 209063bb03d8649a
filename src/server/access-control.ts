import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { userError } from '../errors.ts';
import { isLoopbackHost } from './bind-policy.ts';
import { errorResponse } from './http-errors.ts';

/**
 * Who may call `/api`. With a token: only requests bearing it. Without one (loopback only): only
 * requests addressed to a loopback name, so a web page cannot reach the API by pointing its own
 * domain at 127.0.0.1 (DNS rebinding).
 */
export function accessControl(options: { token?: string }): MiddlewareHandler {
  const expected = options.token === undefined ? undefined : digest(options.token);
  return async (c, next) => {
    if (expected === undefined) {
      const host = c.req.header('host') ?? new URL(c.req.url).host;
      if (!isLoopbackHost(hostName(host))) {
        return errorResponse(userError('host_not_allowed', `this server answers only requests addressed to localhost, not "${host}"`, 'open it as http://127.0.0.1:<port>, or set TOOLSMITH_API_TOKEN to serve other hosts'));
      }
      return next();
    }
    const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      const problem = given === undefined ? 'this API needs a token' : 'the API token is wrong';
      return errorResponse(userError('unauthorized', problem, 'send "Authorization: Bearer <TOOLSMITH_API_TOKEN>"'), { 'WWW-Authenticate': 'Bearer' });
    }
    return next();
  };
}

// Equal-length digests, so the comparison takes the same time whatever was sent.
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function hostName(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
