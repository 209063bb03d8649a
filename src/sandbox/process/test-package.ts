import { ToolManifestSchema, type ToolPackage } from '../../tool-package/index.ts';

/** An in-memory `runtime: "process"` package for the backend's tests; `tool.ts` exports `probe`. */
export function processPackage(options: { source: string; tests?: string; fsRead?: string[] }): ToolPackage {
  return {
    manifest: ToolManifestSchema.parse({
      name: 'probe',
      description: 'process backend test package',
      parameters: { type: 'object', properties: {}, additionalProperties: true },
      returns: {},
      runtime: 'process',
      capabilities: options.fsRead === undefined ? {} : { 'fs.read': options.fsRead },
    }),
    source: options.source,
    tests: options.tests ?? "import { it, expect } from 'vitest';\nimport { probe } from './tool';\nit('exists', () => { expect(typeof probe).toBe('function'); });\n",
  };
}
