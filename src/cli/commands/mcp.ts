import type { Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../exit-codes.ts';
import { connectToRunningServer } from '../running-server.ts';
import type { ToolsCommandContext } from './tools.ts';

/**
 * `toolsmith mcp`: the library as an MCP server on stdin/stdout, for Claude Desktop, Cursor and
 * any MCP client. Stdout carries only protocol messages; everything else goes to stderr.
 */
export function registerMcpCommand(program: Command, context: ToolsCommandContext): void {
  const { config, sandbox, output, signal, execute } = context;
  program
    .command('mcp')
    .description('serve the tool library over the Model Context Protocol on stdio (tools, plus search_tools, create_tool and ask)')
    .option('--experimental', 'also offer experimental tools (their tests did not all pass)')
    .action((opts: { experimental?: boolean }) =>
      // Never --json here: an error report on stdout would corrupt the protocol stream.
      execute(false, async (): Promise<ExitCode> => {
        const { bridgeStdioToMcpHttp, serveMcpOverStdio } = await import('../../mcp/index.ts');
        const running = await connectToRunningServer({ config, output });
        if (running !== undefined) {
          // The server's own MCP endpoint serves the library; this process only relays stdio to it.
          const url = new URL(`/mcp${opts.experimental === true ? '?experimental=1' : ''}`, running.server.url);
          await bridgeStdioToMcpHttp({ url, ...(config.apiToken === undefined ? {} : { token: config.apiToken }), signal, onError: (message) => output.stderr(`${message}\n`) });
          return EXIT_CODES.ok;
        }
        const { createToolsmith } = await import('../../toolsmith.ts');
        const toolsmith = await createToolsmith(config, { sandbox, signal });
        try {
          if (toolsmith.starterImported > 0) output.stderr(`Imported ${toolsmith.starterImported} starter tools into ${config.home}\n`);
          output.stderr(`Toolsmith MCP server on stdio (library ${config.home}${toolsmith.model === undefined ? ', no model: create_tool is unavailable' : `, model ${toolsmith.model.id}`})\n`);
          await serveMcpOverStdio({ toolsmith, signal, includeExperimental: opts.experimental === true });
          return EXIT_CODES.ok;
        } finally {
          await toolsmith.close();
        }
      }),
    );
}
