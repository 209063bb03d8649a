import { listStarterPackageDirs } from '../starter/index.ts';
import { loadToolPackage } from '../tool-package/index.ts';
import type { Registry, StarterMarker } from './registry-port.ts';
import type { ToolStore } from './store/index.ts';

/**
 * Imports the starter tools into a new library: one whose store holds no tools and that was never
 * imported before (so a library the user emptied stays empty). Each package is verified in the
 * sandbox like any other add; one that fails is stored as experimental rather than blocking the rest.
 */
export async function importStarterLibrary(options: {
  store: ToolStore;
  add: Registry['add'];
  marker: StarterMarker | undefined;
  signal?: AbortSignal;
}): Promise<{ imported: number }> {
  const { store, add, marker, signal } = options;
  if ((await marker?.isSet()) === true) return { imported: 0 };
  if ((await store.list({ limit: 1 })).length > 0) {
    await marker?.set();
    return { imported: 0 };
  }
  const packages = await Promise.all((await listStarterPackageDirs()).map((dir) => loadToolPackage({ dir })));
  for (const pkg of packages) {
    signal?.throwIfAborted();
    await add({ pkg, experimental: true, reason: 'imported: starter library', ...(signal ? { signal } : {}) });
  }
  await marker?.set();
  return { imported: packages.length };
}
