/** What a tool call ended with, as an answer needs it. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: string };

const DEFAULT_MAX_LENGTH = 1000;
const ONE_LINE = 100;

/**
 * A plain answer without a model: the call and its result, `percentage_of(percent: 15, value: 300) → 45`.
 * Objects are printed compactly (one line when short, indented otherwise); results longer than
 * `maxLength` characters are cut with a note saying how much was left out.
 *
 * @example
 * answerTemplate({ tool: 'reverse_string', args: { s: 'hello' }, result: { ok: true, value: 'olleh' } });
 * // 'reverse_string(s: "hello") → olleh'
 */
export function answerTemplate(options: { tool: string; args: Record<string, unknown>; result: CallResult; maxLength?: number }): string {
  const { tool, args, result } = options;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const call = `${tool}(${Object.entries(args).map(([name, value]) => `${name}: ${clip(compactJson(value), 80)}`).join(', ')})`;
  if (!result.ok) return `${call} failed: ${result.error}`;
  const text = typeof result.value === 'string' ? result.value : readableJson(result.value);
  return `${call} →${text.includes('\n') ? '\n' : ' '}${truncate(text, maxLength)}`;
}

/** `{"a": 1, "b": [1, 2]}`: JSON on one line with a space after colons and commas. */
function compactJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${compactJson(item)}`).join(', ')}}`;
}

function readableJson(value: unknown): string {
  const compact = compactJson(value);
  return compact.length <= ONE_LINE ? compact : JSON.stringify(value, null, 2);
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (truncated: ${(text.length - max).toLocaleString('en-US')} more characters)`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
