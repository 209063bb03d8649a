// In-memory packages for the isolate backend's tests: `tool.ts` exports `probe(args)`.
import { ToolManifestSchema, type ToolPackage } from '../../tool-package/index.ts';
import { DEFAULT_LIMITS, type SandboxLimits } from '../types.ts';

const PASSING_TEST = "import { it, expect } from 'vitest';\nimport { probe } from './tool';\nit('exists', () => { expect(typeof probe).toBe('function'); });\n";

export function probePackage(options: { source: string; tests?: string; fsRead?: string[]; dir?: string }): ToolPackage {
  return {
    manifest: ToolManifestSchema.parse({
      name: 'probe',
      description: 'isolate backend test case',
      parameters: { type: 'object', properties: {}, additionalProperties: true },
      returns: {},
      runtime: 'isolate',
      capabilities: options.fsRead === undefined ? {} : { 'fs.read': options.fsRead },
    }),
    source: options.source,
    tests: options.tests ?? PASSING_TEST,
    ...(options.dir === undefined ? {} : { dir: options.dir }),
  };
}

/** Short limits so runaway cases end fast. */
export const FAST_LIMITS: SandboxLimits = {
  ...DEFAULT_LIMITS,
  callTimeoutMs: 1_000,
  suiteTimeoutMs: 2_000,
  testTimeoutMs: 500,
  cpuTimeMs: 5_000,
  memoryMb: 32,
};
