import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

// One shared validator; compiled schemas are cached by Ajv per schema object.
const ajv = new Ajv2020({ allErrors: true, strict: false });

export type SchemaCompileResult = { ok: true; validate: ValidateFunction } | { ok: false; message: string };

export function compileJsonSchema(schema: Record<string, unknown>): SchemaCompileResult {
  try {
    return { ok: true, validate: ajv.compile(schema) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

export type ValueCheck = { ok: true } | { ok: false; problems: string[] };

/** Checks a value against a JSON Schema; problems read like `s: must be string`. */
export function checkAgainstSchema(schema: Record<string, unknown>, value: unknown): ValueCheck {
  const compiled = compileJsonSchema(schema);
  if (!compiled.ok) return { ok: false, problems: [`the schema itself is invalid: ${compiled.message}`] };
  if (compiled.validate(value)) return { ok: true };
  return { ok: false, problems: (compiled.validate.errors ?? []).map(describeSchemaError) };
}

function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'arguments' : error.instancePath.slice(1).replaceAll('/', '.');
  if (error.keyword === 'required') return `${where}: missing required property "${String(error.params['missingProperty'])}"`;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property "${String(error.params['additionalProperty'])}"`;
  }
  return `${where}: ${error.message ?? 'is invalid'}`;
}
