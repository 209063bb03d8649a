import { checkAgainstSchema, type ToolManifest } from '../tool-package/index.ts';

/** One property of a tool's `parameters`, described the way argument binding needs it. */
export interface ParameterSlot {
  name: string;
  schema: Record<string, unknown>;
  /** The name's words, stemmed: `words_per_minute` → `word`, `per`, `minute`. */
  words: string[];
  type: 'number' | 'string' | 'boolean' | 'array' | 'other';
  enumValues: unknown[] | undefined;
  /** A string holding a date (`format: date`, or a name or description that says so). */
  date: boolean;
  /** A string naming a unit of measurement, per its description ("The unit of the value"). */
  unit: boolean;
  /** A number that is a percentage, by its name. */
  percent: boolean;
  /** A number the schema lets go below zero. */
  signed: boolean;
  required: boolean;
  default: { value: unknown } | undefined;
}

/** The slots of `parameters`, in property order (the order a request usually names them in). */
export function parameterSlots(parameters: ToolManifest['parameters']): ParameterSlot[] {
  const required = new Set(parameters.required ?? []);
  return Object.entries(parameters.properties).map(([name, schema]) => describeSlot(name, schema, required.has(name)));
}

function describeSlot(name: string, schema: Record<string, unknown>, required: boolean): ParameterSlot {
  const type = slotType(schema);
  const description = typeof schema['description'] === 'string' ? schema['description'] : '';
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  const words = nameWords(name);
  const enumValues = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined;
  return {
    name,
    schema,
    words,
    type,
    enumValues,
    date: type === 'string' && (format.startsWith('date') || words.includes('date') || /YYYY-MM-DD|\bISO date\b/i.test(description)),
    unit: type === 'string' && enumValues === undefined && /\bunits?\b/i.test(description),
    percent: type === 'number' && words.some((word) => word === 'percent' || word === 'percentage' || word === 'pct'),
    signed: type === 'number' && (minimum === undefined || minimum < 0),
    required,
    default: 'default' in schema ? { value: schema['default'] } : undefined,
  };
}

function slotType(schema: Record<string, unknown>): ParameterSlot['type'] {
  const declared = Array.isArray(schema['type']) ? schema['type'].find((type) => type !== 'null') : schema['type'];
  if (declared === 'number' || declared === 'integer') return 'number';
  if (declared === 'string' || declared === 'boolean' || declared === 'array') return declared;
  if (declared === undefined && Array.isArray(schema['enum']) && schema['enum'].every((value) => typeof value === 'string')) return 'string';
  return 'other';
}

/** Splits a parameter name into stemmed words: `maxLength` and `max_length` → `max`, `length`. */
export function nameWords(name: string): string[] {
  return name
    .split(/[_\-\s]+/)
    .flatMap((part) => part.split(/(?<=\p{Ll})(?=\p{Lu})/u))
    .filter((part) => part !== '')
    .map((part) => stem(part.toLowerCase()));
}

/** A light stem: enough that "decimals" names `decimals` and "days" the enum value `day`. */
export function stem(word: string): string {
  if (word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Whether `value` fits the slot's own schema (type, enum, range, pattern...). */
export function slotAccepts(slot: ParameterSlot, value: unknown): boolean {
  return checkAgainstSchema(slot.schema, value).ok;
}
