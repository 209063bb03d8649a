import type { Config } from '../../../config.ts';
import type { Registry } from '../../../registry/index.ts';
import type { Sandbox } from '../../../sandbox/index.ts';
import { openLibrary } from '../../../toolsmith.ts';
import type { Output } from '../../output.ts';
import { connectToRunningServer } from '../../running-server.ts';

/**
 * Opens the library named by the config, imports the starter tools on first use (saying so on
 * stderr), runs `body`, and always closes the store. While `toolsmith serve` holds the library,
 * `body` gets the server's registry through its API instead.
 */
export async function withRegistry<T>(
  options: { config: Config; sandbox: Sandbox; output: Output; signal: AbortSignal },
  body: (registry: Registry) => Promise<T>,
): Promise<T> {
  const { config, sandbox, output, signal } = options;
  const server = await connectToRunningServer({ config, output });
  if (server !== undefined) return body(server.registry);
  const { registry, imported, close } = await openLibrary({ config, sandbox, signal });
  try {
    if (imported > 0) output.stderr(`Imported ${imported} starter tools into ${config.home}\n`);
    return await body(registry);
  } finally {
    await close();
  }
}
