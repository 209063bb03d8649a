/** Test support: a registry on a real PGlite store in a temp dir, the isolate sandbox and the word-vector embedder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSandbox } from '../sandbox/index.ts';
import { ToolManifestSchema, type ToolPackage } from '../tool-package/index.ts';
import { createRegistry } from './registry.ts';
import type { Registry } from './registry-port.ts';
import { createWordVectorEmbedder } from './search/index.ts';
import { createFileMarker } from './starter-marker.ts';
import { openToolStore, type ToolStore } from './store/index.ts';

export interface OpenedRegistry {
  registry: Registry;
  store: ToolStore;
  home: string;
  close(): Promise<void>;
}

const embedder = createWordVectorEmbedder();
const sandbox = createSandbox();

export async function openTestRegistry(options: { home?: string } = {}): Promise<OpenedRegistry> {
  const home = options.home ?? (await mkdtemp(path.join(tmpdir(), 'toolsmith-registry-')));
  const { store, close } = await openToolStore({ dataDir: home });
  const registry = createRegistry({ store, embedder, sandbox, starterMarker: createFileMarker({ path: path.join(home, 'starter-imported') }) });
  return { registry, store, home, close };
}

export async function removeHome(home: string): Promise<void> {
  await rm(home, { recursive: true, force: true });
}

/** A tiny package; `failing` makes one of its two tests fail. */
export function doublePackage(options: { version?: string; failing?: boolean; description?: string } = {}): ToolPackage {
  return {
    manifest: ToolManifestSchema.parse({
      name: 'double_number',
      description: options.description ?? 'Doubles a number: multiplies it by two.',
      parameters: { type: 'object', properties: { n: { type: 'number', description: 'the number' } }, required: ['n'], additionalProperties: false },
      returns: { type: 'number' },
      version: options.version ?? '1.0.0',
    }),
    source: 'export function double_number({ n }: { n: number }): number {\n  return n * 2;\n}\n',
    tests: [
      "import { it, expect } from 'vitest';",
      "import { double_number } from './tool';",
      "it('doubles 2', () => expect(double_number({ n: 2 })).toBe(4));",
      `it('doubles 5', () => expect(double_number({ n: 5 })).toBe(${options.failing === true ? 11 : 10}));`,
    ].join('\n'),
  };
}
