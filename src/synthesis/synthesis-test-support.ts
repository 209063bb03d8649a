// Scripted replies for the synthesis tests: a reverse_string tool as a model would write it.
import type { ScriptedCall } from '../testing/index.ts';
import type { SandboxLimits } from '../sandbox/index.ts';
import { SynthesisEventSchema, type SynthesisEvent } from './events.ts';

export const fence = (code: string, language = 'ts') => `\`\`\`${language}\n${code.trim()}\n\`\`\``;

export const REVERSE_SPEC = {
  name: 'reverse_string',
  description: 'Reverses a string by Unicode code points.',
  parameters: {
    type: 'object',
    properties: { s: { type: 'string', description: 'The text to reverse' } },
    required: ['s'],
    additionalProperties: false,
  },
  returns: { type: 'string' },
  runtime: 'isolate',
  capabilities: {},
  version: '1.0.0',
  docstring:
    'Reverses s by code points, so emoji stay whole.\nExamples: reverse_string({ s: "hello" }) → "olleh"; reverse_string({ s: "" }) → "".\n' +
    'Throws an Error when s is not a string.',
};

export function reverseTests(name = 'reverse_string', extra = ''): string {
  return `import { describe, it, expect } from 'vitest';
import { ${name} } from './tool';

describe('${name}', () => {
  it('reverses a word', () => {
    expect(${name}({ s: 'hello' })).toBe('olleh');
  });
  it('returns an empty string for empty input', () => {
    expect(${name}({ s: '' })).toBe('');
  });
  it('keeps a single character', () => {
    expect(${name}({ s: 'a' })).toBe('a');
  });
  it('keeps surrogate pairs whole', () => {
    expect(${name}({ s: 'a😀b' })).toBe('b😀a');
  });
  it('throws when s is not a string', () => {
    expect(() => ${name}({ s: 42 as unknown as string })).toThrow();
  });${extra}
});`;
}

export function reverseSource(name = 'reverse_string'): string {
  return `export function ${name}({ s }: { s: string }): string {
  if (typeof s !== 'string') throw new Error(\`s must be a string, received \${typeof s}\`);
  return Array.from(s).reverse().join('');
}`;
}

/** Reverses by UTF-16 units: splits surrogate pairs, so 'keeps surrogate pairs whole' fails. */
export const SPLITS_SURROGATES = `export function reverse_string({ s }: { s: string }): string {
  if (typeof s !== 'string') throw new Error('s must be a string');
  return s.split('').reverse().join('');
}`;

/** The spec, tests and implementation replies of a first try that passes. */
export function passingScript(): ScriptedCall[] {
  return [
    { purpose: 'spec', reply: REVERSE_SPEC },
    { purpose: 'tests', reply: fence(reverseTests()) },
    { purpose: 'implementation', reply: fence(reverseSource()) },
  ];
}

/** Short limits, so runaway code ends fast. */
export const FAST_LIMITS: Partial<SandboxLimits> = { suiteTimeoutMs: 1_500, testTimeoutMs: 500, callTimeoutMs: 500, cpuTimeMs: 3_000, memoryMb: 64 };

/** Records events, holding each to `SynthesisEventSchema` (a bad event fails the synthesis under test). */
export function collectEvents(): { events: SynthesisEvent[]; types: () => string[]; onEvent: (event: SynthesisEvent) => void } {
  const events: SynthesisEvent[] = [];
  return { events, types: () => events.map((event) => event.type), onEvent: (event) => events.push(SynthesisEventSchema.parse(event)) };
}
