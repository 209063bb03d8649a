import { describe, expect, it } from 'vitest';
import { parseManifest, type ManifestProblem, type ManifestResult } from './index.ts';

const valid = {
  name: 'reverse_string',
  description: 'Reverses a string.',
  parameters: { type: 'object', properties: { s: { type: 'string' } }, required: ['s'] },
  returns: { type: 'string' },
};

/** The manifest as a person writes it: one field per line, so line numbers are meaningful. */
function manifestText(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, null, 2);
}

function lineOfField(text: string, field: string): number {
  return text.split('\n').findIndex((line) => line.includes(`"${field}":`)) + 1;
}

function onlyProblem(result: ManifestResult): ManifestProblem {
  if (result.ok) throw new Error('expected the manifest to be rejected');
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

describe('parseManifest', () => {
  it('accepts a valid manifest and fills in runtime, capabilities and version', () => {
    const result = parseManifest(manifestText(valid));
    expect(result).toEqual({
      ok: true,
      manifest: { ...valid, runtime: 'isolate', capabilities: {}, version: '1.0.0' },
    });
  });

  it('names the line of malformed JSON', () => {
    const text = '{\n  "name": "reverse_string",\n  "description": "x",,\n  "returns": {}\n}';
    const problem = onlyProblem(parseManifest(text));
    expect(problem.file).toBe('tool.json');
    expect(problem.line).toBe(3);
    expect(problem.message).toMatch(/not valid JSON/);
  });

  it('rejects a name that is not snake_case, naming the line and the fix', () => {
    const text = manifestText({ ...valid, name: 'ReverseString' });
    const problem = onlyProblem(parseManifest(text));
    expect(problem.line).toBe(lineOfField(text, 'name'));
    expect(problem.message).toMatch(/"name".*snake_case/);
    expect(problem.fix).toMatch(/snake_case name such as "reverse_string"/);
  });

  it('rejects an unknown runtime and lists the two allowed', () => {
    const text = manifestText({ ...valid, runtime: 'deno' });
    const problem = onlyProblem(parseManifest(text));
    expect(problem.line).toBe(lineOfField(text, 'runtime'));
    expect(problem.message).toContain('runtime must be "isolate" or "process", not "deno"');
  });

  it('rejects parameters that are not an object schema', () => {
    const text = manifestText({ ...valid, parameters: { type: 'string' } });
    const problem = onlyProblem(parseManifest(text));
    expect(problem.message).toMatch(/"parameters.type".*"type": "object"/);
    expect(problem.fix).toMatch(/"type": "object"/);
  });

  it('rejects an unknown field and says which fields are allowed', () => {
    const problem = onlyProblem(parseManifest(manifestText({ ...valid, author: 'me' })));
    expect(problem.message).toContain('"author"');
    expect(problem.fix).toMatch(/remove the unknown field \(allowed: name, description/);
  });

  it('rejects "required" naming a property that parameters does not have', () => {
    const text = manifestText({ ...valid, parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['s'] } });
    const problem = onlyProblem(parseManifest(text));
    expect(problem.message).toContain('required names "s", which is not in properties');
    expect(problem.line).toBe(lineOfField(text, 'required'));
  });

  it('rejects a returns schema that is not valid JSON Schema, naming its line', () => {
    const text = manifestText({ ...valid, returns: { type: 'strin' } });
    const problem = onlyProblem(parseManifest(text));
    expect(problem.message).toMatch(/^"returns" is not a valid JSON Schema/);
    expect(problem.line).toBe(lineOfField(text, 'returns'));
  });
});
