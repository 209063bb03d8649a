import type { Config } from '../../../config.ts';
import type { Registry } from '../../../registry/index.ts';
import type { Sandbox } from '../../../sandbox/index.ts';
import { openLibrary } from '../../../toolsmith.ts';
import type { Output } from '../../output.ts';

/**
 * Opens the library named by the config, imports the starter tools on first use (saying so on
 * stderr), runs `body`, and always closes the store.
 */
export async function withRegistry<T>(
  options: { config: Config; sandbox: Sandbox; output: Output; signal: AbortSignal },
  body: (registry: Registry) => Promise<T>,
): Promise<T> {
  const { config, sandbox, output, signal } = options;
  const { registry, imported, close } = await openLibrary({ config, sandbox, signal });
  try {
    if (imported > 0) output.stderr(`Imported ${imported} starter tools into ${config.home}\n`);
    return await body(registry);
  } finally {
    await close();
  }
}
