import type { ToolManifest } from './manifest.ts';

type Parameters = ToolManifest['parameters'];
type PropertySchema = Record<string, unknown>;

/** One line a person can act on: `s (string, required), limit (integer)`. */
export function describeParameters(parameters: Parameters): string {
  const required = new Set(parameters.required ?? []);
  const entries = Object.entries(parameters.properties);
  if (entries.length === 0) return 'no parameters';
  return entries
    .map(([name, schema]) => `${name} (${[typeLabel(schema), ...(required.has(name) ? ['required'] : [])].join(', ')})`)
    .join(', ');
}

/**
 * A plausible argument object built from the schema, for hints. It prefers the schema's own
 * `examples`, `default` or `enum` so the example is one the tool author would recognise.
 */
export function exampleArguments(parameters: Parameters): Record<string, unknown> {
  const required = parameters.required ?? [];
  const names = required.length > 0 ? required : Object.keys(parameters.properties);
  const example: Record<string, unknown> = {};
  for (const name of names) example[name] = exampleValue(parameters.properties[name] ?? {});
  return example;
}

function typeLabel(schema: PropertySchema): string {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.join(' | ');
  if (Array.isArray(schema['enum'])) return `one of ${schema['enum'].map((v) => JSON.stringify(v)).join(', ')}`;
  return 'any';
}

function exampleValue(schema: PropertySchema): unknown {
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if ('default' in schema) return schema['default'];
  if ('const' in schema) return schema['const'];
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[0];
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'string':
      return 'abc';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return {};
    case 'null':
      return null;
    default:
      return 'abc';
  }
}
