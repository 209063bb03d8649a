import type { Agent } from '../agent/index.ts';
import { userError } from '../errors.ts';
import type { Registry } from '../registry/index.ts';
import { createApiAgent } from './api-agent.ts';
import { createApiClient, type ApiClient } from './api-client.ts';
import { createApiRegistry } from './api-registry.ts';
import type { ServerRecord } from './server-record.ts';

export interface ServerConnection {
  server: ServerRecord;
  client: ApiClient;
  registry: Registry;
  agent: Agent;
}

/**
 * The ports of a running server, for a command that would otherwise open its library. A server
 * that wants a token needs this process to have the same `TOOLSMITH_API_TOKEN`.
 */
export function connectToServer(options: { server: ServerRecord; token?: string; fetch?: typeof fetch }): ServerConnection {
  const { server, token } = options;
  if (server.auth === 'token' && token === undefined) {
    throw userError(
      'api_token_required',
      `the library is held by the Toolsmith server at ${server.url} (process ${server.pid}), which wants an API token`,
      'set TOOLSMITH_API_TOKEN to the token the server was started with, or stop the server to use the library directly',
    );
  }
  const client = createApiClient({ url: server.url, ...(token === undefined ? {} : { token }), ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  return { server, client, registry: createApiRegistry({ client }), agent: createApiAgent({ client }) };
}
