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
  /** For a unit: whether it is the unit converted from (`from`) or to (`to`), when name or description says. */
  unitRole: UnitRole | undefined;
  /** A number that is a percentage, by its name. */
  percent: boolean;
  /** A number the schema lets go below zero. */
  signed: boolean;
  required: boolean;
  default: { value: unknown } | undefined;
}

export type UnitRole = 'source' | 'target';

/**
 * The slots of `parameters` in the order a request usually names them in: the required ones in the
 * order of `required`, then the rest in property order. Property order alone is not to be trusted:
 * the store keeps manifests as jsonb, which sorts keys by length (`to`, `from`, `value`), while an
 * array such as `required` keeps its order.
 */
export function parameterSlots(parameters: ToolManifest['parameters']): ParameterSlot[] {
  const required = (parameters.required ?? []).filter((name, index, all) => Object.hasOwn(parameters.properties, name) && all.indexOf(name) === index);
  const optional = Object.keys(parameters.properties).filter((name) => !required.includes(name));
  return [...required, ...optional].map((name) => describeSlot(name, parameters.properties[name] ?? {}, required.includes(name)));
}

function describeSlot(name: string, schema: Record<string, unknown>, required: boolean): ParameterSlot {
  const type = slotType(schema);
  const description = typeof schema['description'] === 'string' ? schema['description'] : '';
  const format = typeof schema['format'] === 'string' ? schema['format'] : '';
  const words = nameWords(name);
  const enumValues = Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  const unit = type === 'string' && enumValues === undefined && /\bunits?\b/i.test(description);
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined;
  return {
    name,
    schema,
    words,
    type,
    enumValues,
    date: type === 'string' && (format.startsWith('date') || words.includes('date') || /YYYY-MM-DD|\bISO date\b/i.test(description)),
    unit,
    unitRole: unit ? unitRole(words, description) : undefined,
    percent: type === 'number' && words.some((word) => word === 'percent' || word === 'percentage' || word === 'pct'),
    signed: type === 'number' && (minimum === undefined || minimum < 0),
    required,
    default: 'default' in schema ? { value: schema['default'] } : undefined,
  };
}

const SOURCE_NAME_WORDS = new Set(['from', 'source', 'src', 'input', 'original', 'in']);
const TARGET_NAME_WORDS = new Set(['to', 'target', 'dest', 'destination', 'output', 'into', 'result']);
const SOURCE_DESCRIPTION = /\b(?:of the (?:value|amount|quantity|input)|(?:convert(?:ed)?|change) from|source|original|input)\b/i;
const TARGET_DESCRIPTION = /\b(?:(?:convert(?:ed)?|change) (?:\w+ ){0,2}(?:in)?to|target|destination|output|result)\b/i;

/** `from_unit`, `unit_to`, "The unit to convert to": the name decides, else the description if it is clear. */
function unitRole(words: string[], description: string): UnitRole | undefined {
  const byName = roleOf(words.some((word) => SOURCE_NAME_WORDS.has(word)), words.some((word) => TARGET_NAME_WORDS.has(word)));
  return byName ?? roleOf(SOURCE_DESCRIPTION.test(description), TARGET_DESCRIPTION.test(description));
}

function roleOf(source: boolean, target: boolean): UnitRole | undefined {
  if (source === target) return undefined;
  return source ? 'source' : 'target';
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
