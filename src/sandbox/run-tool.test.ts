import { describe, expect, it } from 'vitest';
import { ToolsmithError } from '../errors.ts';
import type { Sandbox } from './index.ts';
import { parseManifest, type ToolPackage } from '../tool-package/index.ts';
import { runTool } from './index.ts';

function packageWith(parameters: Record<string, unknown>): ToolPackage {
  const parsed = parseManifest(JSON.stringify({ name: 'reverse_string', description: 'Reverses.', parameters, returns: { type: 'string' } }));
  if (!parsed.ok) throw new Error('the test manifest should be valid');
  return { manifest: parsed.manifest, source: '', tests: '' };
}

const strict = packageWith({
  type: 'object',
  properties: { s: { type: 'string' }, times: { type: 'integer' } },
  required: ['s'],
  additionalProperties: false,
});

/** Records calls so a test can prove that rejected arguments never reach the sandbox. */
function recordingSandbox(): Sandbox & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    calls,
    verify: () => Promise.reject(new Error('verify is not part of these tests')),
    call: ({ args }) => {
      calls.push(args);
      return Promise.resolve({ ok: true, runtime: 'isolate', value: 'ok', durationMs: 0, console: { text: '', truncated: false } });
    },
  };
}

async function rejectionOf(args: unknown, pkg = strict): Promise<ToolsmithError> {
  const sandbox = recordingSandbox();
  const error = await runTool({ sandbox, pkg, args }).catch((e: unknown) => e);
  expect(sandbox.calls).toEqual([]);
  if (!ToolsmithError.isInstance(error)) throw new Error(`expected a ToolsmithError, got ${String(error)}`);
  expect(error.kind).toBe('user');
  expect(error.code).toBe('arguments_invalid');
  return error;
}

describe('runTool', () => {
  it('rejects a property of the wrong type, naming it', async () => {
    const error = await rejectionOf({ s: 42 });
    expect(error.message).toContain('s: must be string');
  });

  it('rejects a missing required property, naming it', async () => {
    const error = await rejectionOf({ times: 2 });
    expect(error.message).toContain('missing required property "s"');
  });

  it('rejects an extra property when additionalProperties is false, naming it', async () => {
    const error = await rejectionOf({ s: 'a', colour: 'red' });
    expect(error.message).toContain('unknown property "colour"');
  });

  it('lists every problem at once', async () => {
    const error = await rejectionOf({ s: 1, times: 'x' });
    expect(error.details?.['problems']).toEqual(['s: must be string', 'times: must be integer']);
  });

  it('rejects arguments that are not a JSON object', async () => {
    for (const args of [null, ['a'], 'a', 3]) {
      const error = await rejectionOf(args);
      expect(error.message).toMatch(/arguments: must be a JSON object/);
    }
  });

  it('hints at the expected parameters with an example that would pass', async () => {
    const error = await rejectionOf({});
    expect(error.hint).toBe('reverse_string takes s (string, required), times (integer); for example {"s":"abc"}');
  });

  it('uses the schema\'s own examples in the hint', async () => {
    const pkg = packageWith({ type: 'object', properties: { unit: { enum: ['cm', 'in'] }, n: { type: 'number', examples: [2.5] } }, required: ['unit', 'n'] });
    const error = await rejectionOf({}, pkg);
    expect(error.hint).toBe('reverse_string takes unit (one of "cm", "in", required), n (number, required); for example {"unit":"cm","n":2.5}');
  });

  it('passes valid arguments to the sandbox unchanged', async () => {
    const sandbox = recordingSandbox();
    const outcome = await runTool({ sandbox, pkg: strict, args: { s: 'abc', times: 2 } });
    expect(outcome).toMatchObject({ ok: true, value: 'ok' });
    expect(sandbox.calls).toEqual([{ s: 'abc', times: 2 }]);
  });
});
