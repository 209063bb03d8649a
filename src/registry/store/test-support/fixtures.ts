import type { SuiteResult } from '../../../sandbox/index.ts';
import { ToolManifestSchema, type ToolPackage } from '../../../tool-package/index.ts';

/** A small valid package; `params` maps parameter names to descriptions. */
export function makePackage(options: {
  name: string;
  version?: string;
  description?: string;
  params?: Record<string, string>;
}): ToolPackage {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const [key, description] of Object.entries(options.params ?? { s: 'the input text' })) {
    properties[key] = { type: 'string', description };
  }
  const manifest = ToolManifestSchema.parse({
    name: options.name,
    description: options.description ?? `Does ${options.name.replaceAll('_', ' ')}.`,
    parameters: { type: 'object', properties, required: Object.keys(properties) },
    returns: { type: 'string' },
    version: options.version ?? '1.0.0',
  });
  return {
    manifest,
    source: `export function ${options.name}(args) { return String(args.s); } // ${manifest.version}`,
    tests: `import { it, expect } from 'vitest';\nit('works', () => expect(1).toBe(1));`,
  };
}

export function makeSuite(options: { passed: number; failed?: number }): SuiteResult {
  const failed = options.failed ?? 0;
  const tests = [
    ...Array.from({ length: options.passed }, (_, i) => ({ name: `passes ${i}`, status: 'passed' as const, durationMs: 1 })),
    ...Array.from({ length: failed }, (_, i) => ({
      name: `fails ${i}`,
      status: 'failed' as const,
      durationMs: 1,
      failure: { message: 'expected 1 to be 2' },
    })),
  ];
  return {
    ok: failed === 0 && tests.length > 0,
    runtime: 'isolate',
    tests,
    totals: { total: tests.length, passed: options.passed, failed, skipped: 0 },
    durationMs: 5,
    console: { text: '', truncated: false },
  };
}

/** A deterministic unit-ish vector pointing mostly along `axis`. */
export function axisVector(options: { dimensions: number; axis: number; tilt?: number }): number[] {
  return Array.from({ length: options.dimensions }, (_, i) => (i === options.axis ? 1 : i === (options.axis + 1) % options.dimensions ? (options.tilt ?? 0) : 0));
}
