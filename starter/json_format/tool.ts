export function json_format({ json, mode = 'pretty', indent = 2, sort_keys = false }: { json: string; mode?: 'pretty' | 'minify'; indent?: number; sort_keys?: boolean }): string {
  if (typeof json !== 'string') throw new Error('json must be a string holding JSON text');
  if (mode !== 'pretty' && mode !== 'minify') throw new Error(`mode must be "pretty" or "minify", got ${JSON.stringify(mode)}`);
  if (!Number.isInteger(indent) || indent < 1 || indent > 8) throw new Error(`indent must be a whole number from 1 to 8, got ${String(indent)}`);
  if (json.trim() === '') throw new Error('invalid JSON: the input is empty');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`invalid JSON: ${(error as Error).message}${location(json, error as Error)}`);
  }
  const output = sort_keys ? sortKeys(value) : value;
  return mode === 'minify' ? JSON.stringify(output) : JSON.stringify(output, null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  // Code-unit order, independent of locale; defineProperty keeps a "__proto__" key as data.
  for (const key of Object.keys(source).sort()) {
    Object.defineProperty(sorted, key, { value: sortKeys(source[key]), enumerable: true, writable: true, configurable: true });
  }
  return sorted;
}

/** Adds "(line L, column C)" when the engine's message gives only a character position. */
function location(text: string, error: Error): string {
  if (/line \d+/.test(error.message)) return '';
  const position = /position (\d+)/.exec(error.message);
  if (position === null) return '';
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` (line ${line}, column ${column})`;
}
