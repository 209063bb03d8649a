import path from 'node:path';
import type { Config } from '../../../config.ts';
import { createFileMarker, createRegistry, createWordVectorEmbedder, openToolStore, type Registry } from '../../../registry/index.ts';
import type { Sandbox } from '../../../sandbox/index.ts';
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
  const { store, close } = await openToolStore({ dataDir: config.home, ...(config.databaseUrl === undefined ? {} : { databaseUrl: config.databaseUrl }) });
  try {
    const registry = createRegistry({
      store,
      sandbox,
      embedder: createWordVectorEmbedder(config.cacheDir === undefined ? {} : { cacheDir: config.cacheDir }),
      starterMarker: createFileMarker({ path: path.join(config.home, 'starter-imported') }),
    });
    const { imported } = await registry.ensureStarterLibrary({ signal });
    if (imported > 0) output.stderr(`Imported ${imported} starter tools into ${config.home}\n`);
    return await body(registry);
  } finally {
    await close();
  }
}
