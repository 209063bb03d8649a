import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { systemError } from '../errors.ts';
import { checkBindPolicy } from './bind-policy.ts';
import { createServerApp, type CreateServerAppOptions, type ServerApp } from './create-server-app.ts';

export interface StartServerOptions extends CreateServerAppOptions {
  /** Default `127.0.0.1`; any other host needs `config.apiToken`. */
  host?: string;
  /** Default 5000; 0 picks a free port. */
  port?: number;
}

export interface RunningServer extends ServerApp {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  port: number;
  /** Stops accepting connections, stops running requests, and waits. Does not close `toolsmith`. */
  stop(): Promise<void>;
}

/**
 * Listens with the API app on Node's HTTP server. Refuses (`api_token_required`) a non-loopback
 * host without a token, before anything listens.
 *
 * @example
 * const server = await startServer({ toolsmith, config, port: 5000 });
 * console.log(`listening on ${server.url}`);
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  checkBindPolicy({ host, ...(options.config.apiToken === undefined ? {} : { token: options.config.apiToken }) });
  const serverApp = createServerApp(options);
  const server = serve({ fetch: serverApp.app.fetch, hostname: host, port: options.port ?? 5000 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (error) {
    await serverApp.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw systemError('server_listen_failed', `cannot listen on ${host}:${options.port ?? 5000}: ${code ?? String(error)}`, code === 'EADDRINUSE' ? 'pick another port with --port' : 'check the host and port', error);
  }
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...serverApp,
    url: `http://${shownHost}:${port}`,
    port,
    async stop() {
      // Open event streams would keep `close` waiting; running requests are stopped first so they end.
      await serverApp.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
    },
  };
}
