/** Talking to a running `toolsmith serve` instead of opening its library: discovery and API-backed ports. */
export { announceServer, findRunningServer, localUrlOf, SERVER_FILE, type ServerRecord } from './server-record.ts';
export { createApiClient, type ApiClient, type ApiCall } from './api-client.ts';
export { createApiRegistry } from './api-registry.ts';
export { createApiAgent } from './api-agent.ts';
export { connectToServer, type ServerConnection } from './connect.ts';
