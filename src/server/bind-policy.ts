import { isIP } from 'node:net';
import { userError } from '../errors.ts';

/** Host names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/**
 * The server answers anyone who can reach it, and the agent writes and runs code: off loopback,
 * a token is required. Throws `api_token_required` (user) otherwise.
 */
export function checkBindPolicy(options: { host: string; token?: string }): void {
  if (isLoopbackHost(options.host) || options.token !== undefined) return;
  throw userError(
    'api_token_required',
    `refusing to listen on ${options.host} without an API token: anyone who can reach it could run code through Toolsmith`,
    'set TOOLSMITH_API_TOKEN to a long random secret (clients send "Authorization: Bearer <token>"), or listen on 127.0.0.1',
  );
}
