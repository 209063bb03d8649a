type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

interface Match {
  value: unknown;
  at: string;
}

export function json_query({ json, path }: { json: string; path: string }): { value: unknown; count: number } {
  if (typeof json !== 'string') throw new Error('json must be a string holding a JSON document');
  if (typeof path !== 'string') throw new Error('path must be a string such as "items[0].name"');
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new Error(`invalid JSON: ${(error as Error).message}`);
  }
  const segments = parsePath(path.trim());
  const wildcard = segments.some((segment) => segment.kind === 'wildcard');
  let matches: Match[] = [{ value: document, at: '$' }];
  for (const segment of segments) {
    const next: Match[] = [];
    for (const match of matches) {
      // With a wildcard, elements lacking the rest of the path are skipped; without one, a miss is an error.
      const step = stepInto(match, segment);
      if (typeof step === 'string') {
        if (!wildcard) throw new Error(step);
      } else {
        next.push(...step);
      }
    }
    matches = next;
  }
  if (wildcard) return { value: matches.map((match) => match.value), count: matches.length };
  return { value: matches[0]!.value, count: 1 };
}

/** The values one segment reaches from a match, or a message saying why it reaches none. */
function stepInto(match: Match, segment: Segment): Match[] | string {
  const { value, at } = match;
  if (segment.kind === 'wildcard') {
    if (Array.isArray(value)) return value.map((item, i) => ({ value: item, at: `${at}[${i}]` }));
    if (isObject(value)) return Object.keys(value).map((key) => ({ value: value[key], at: `${at}.${key}` }));
    return `${at} is ${describe(value)}, so [*] has nothing to iterate`;
  }
  if (Array.isArray(value)) {
    const index = segment.kind === 'index' ? segment.index : /^-?\d+$/.test(segment.key) ? Number(segment.key) : Number.NaN;
    if (Number.isNaN(index)) return `${at} is an array; use an index like [0] instead of "${segment.kind === 'key' ? segment.key : ''}"`;
    const actual = index < 0 ? value.length + index : index;
    if (actual < 0 || actual >= value.length) {
      return `path not found: ${at}[${index}] is out of range; ${at} has ${value.length} element${value.length === 1 ? '' : 's'}${value.length > 0 ? ` (indexes 0 to ${value.length - 1})` : ''}`;
    }
    return [{ value: value[actual], at: `${at}[${actual}]` }];
  }
  if (isObject(value)) {
    const key = segment.kind === 'key' ? segment.key : String(segment.index);
    if (!Object.hasOwn(value, key)) {
      const keys = Object.keys(value);
      return `path not found: ${at} has no key "${key}"${keys.length > 0 ? ` (its keys: ${keys.slice(0, 20).join(', ')}${keys.length > 20 ? ', ...' : ''})` : ' (it is empty)'}`;
    }
    return [{ value: value[key], at: `${at}.${key}` }];
  }
  const wanted = segment.kind === 'key' ? `key "${segment.key}"` : `index [${segment.index}]`;
  return `path not found: ${at} is ${describe(value)}, which has no ${wanted}`;
}

function parsePath(path: string): Segment[] {
  const segments: Segment[] = [];
  let i = path.startsWith('$') ? 1 : 0;
  const fail = (why: string): never => {
    throw new Error(`invalid path "${path}" at character ${i + 1}: ${why}; write paths like items[0].name or items[*].price`);
  };
  let first = true;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '[') {
      const end = path.indexOf(']', i);
      const quoted = /^\[\s*(["'])((?:\\.|(?!\1).)*)\1\s*\]/.exec(path.slice(i));
      if (quoted !== null) {
        segments.push({ kind: 'key', key: quoted[2]!.replace(/\\(.)/g, '$1') });
        i += quoted[0].length;
      } else {
        if (end === -1) fail('missing "]"');
        const inner = path.slice(i + 1, end).trim();
        if (inner === '*') segments.push({ kind: 'wildcard' });
        else if (/^-?\d+$/.test(inner)) segments.push({ kind: 'index', index: Number(inner) });
        else fail(`"[${inner}]" is not an index, [*] or a quoted key`);
        i = end + 1;
      }
    } else {
      if (ch === '.') i++;
      else if (!first) fail(`expected "." or "[" but found "${ch}"`);
      const name = /^[^.[\]]*/.exec(path.slice(i))![0];
      if (name === '') fail('a key name is missing');
      segments.push(name === '*' ? { kind: 'wildcard' } : { kind: 'key', key: name });
      i += name.length;
    }
    first = false;
  }
  return segments;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}...` : value)})`;
  return `a ${typeof value} (${JSON.stringify(value)})`;
}
