import type { Config } from '../config.ts';
import type { ServerConnection } from '../remote/index.ts';
import type { Output } from './output.ts';

/**
 * The server to go through when `toolsmith serve` holds this config's embedded library (it
 * announces itself in the data folder); undefined when the command should open the library
 * itself. A shared Postgres (`DATABASE_URL`) has no single holder, so it is always opened directly.
 */
export async function connectToRunningServer(options: { config: Config; output: Output }): Promise<ServerConnection | undefined> {
  const { config, output } = options;
  if (config.databaseUrl !== undefined) return undefined;
  const { connectToServer, findRunningServer } = await import('../remote/index.ts');
  const server = findRunningServer({ home: config.home });
  if (server === undefined) return undefined;
  const connection = connectToServer({ server, ...(config.apiToken === undefined ? {} : { token: config.apiToken }) });
  output.stderr(`Using the Toolsmith server at ${server.url} (process ${server.pid}), which holds ${config.home}\n`);
  return connection;
}
