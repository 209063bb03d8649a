import { ToolManifestSchema, type ToolPackage, type ToolRuntime } from '../../tool-package/index.ts';

/** An in-memory package around attack code: `tool.ts` exports `attack(args)`. */
export function attackPackage(options: {
  runtime: ToolRuntime;
  source: string;
  tests?: string;
  capabilities?: { 'fs.read'?: string[] };
}): ToolPackage {
  return {
    manifest: ToolManifestSchema.parse({
      name: 'attack',
      description: 'red-team case',
      parameters: { type: 'object', properties: {}, additionalProperties: true },
      returns: {},
      runtime: options.runtime,
      capabilities: options.capabilities ?? {},
    }),
    source: options.source,
    tests:
      options.tests ??
      "import { it, expect } from 'vitest';\nimport { attack } from './tool';\nit('exists', () => { expect(typeof attack).toBe('function'); });\n",
  };
}
