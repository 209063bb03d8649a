import { InvalidArgumentError, type Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import type { ToolsCommandContext } from './tools.ts';

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) throw new InvalidArgumentError('give a port number from 0 to 65535');
  return port;
}

/** `toolsmith serve`: the HTTP API until Ctrl-C. The server and the store load only when it runs. */
export function registerServeCommand(program: Command, context: ToolsCommandContext): void {
  const { config, sandbox, output, signal, execute } = context;
  program
    .command('serve')
    .description('serve the HTTP API (requests with live progress, tools, sessions) until Ctrl-C; docs at /docs')
    .option('--port <n>', 'the port (default 5000; 0 picks a free one)', portNumber, 5000)
    .option('--host <host>', 'the address to listen on (default 127.0.0.1; any other needs TOOLSMITH_API_TOKEN)', '127.0.0.1')
    .action((opts: { port: number; host: string }) =>
      execute(false, async (): Promise<ExitCode> => {
        const { checkBindPolicy, startServer } = await import('../../server/index.ts');
        // Refused before the store opens: a public address without a token never gets that far.
        checkBindPolicy({ host: opts.host, ...(config.apiToken === undefined ? {} : { token: config.apiToken }) });
        const { createToolsmith } = await import('../../toolsmith.ts');
        const toolsmith = await createToolsmith(config, { sandbox, signal });
        try {
          if (toolsmith.starterImported > 0) output.stderr(`Imported ${toolsmith.starterImported} starter tools into ${config.home}\n`);
          const server = await startServer({ toolsmith, config, host: opts.host, port: opts.port });
          // A long-running server loads the in-memory search index now, not on its first request.
          toolsmith.registry.prepareSearch().catch(() => {});
          // CLI commands on this data folder find the server here and go through its API.
          const { announceServer, localUrlOf } = await import('../../remote/index.ts');
          const announcement = config.databaseUrl === undefined
            ? announceServer({ home: config.home, record: { pid: process.pid, url: localUrlOf({ host: opts.host, port: server.port }), auth: config.apiToken === undefined ? 'none' : 'token', startedAt: new Date().toISOString() } })
            : undefined;
          output.stderr(`Toolsmith API on ${server.url}/api (docs: ${server.url}/docs)${config.apiToken === undefined ? '' : ', bearer token required'}; Ctrl-C stops it\n`);
          if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
          output.stderr('Stopping: running requests are cancelled\n');
          announcement?.remove();
          await server.stop();
          return EXIT_CODES.ok;
        } finally {
          await toolsmith.close();
        }
      }),
    );
}
