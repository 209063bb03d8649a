import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { compileJsonSchema } from './json-schema.ts';
import { MANIFEST_FILE, ToolManifestSchema, type ToolManifest } from './manifest.ts';

export interface ManifestProblem {
  file: string;
  line: number;
  message: string;
  fix: string;
}

export type ManifestResult = { ok: true; manifest: ToolManifest } | { ok: false; problems: ManifestProblem[] };

/** Parses and validates `tool.json` text; every problem names the line and how to fix it. */
export function parseManifest(text: string, file = MANIFEST_FILE): ManifestResult {
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: false, disallowComments: true });
  if (parseErrors.length > 0 || tree === undefined) {
    const first = parseErrors[0];
    const line = first === undefined ? 1 : lineOf(text, first.offset);
    const what = first === undefined ? 'is empty' : `is not valid JSON (${printParseErrorCode(first.error)})`;
    return { ok: false, problems: [{ file, line, message: `${file} ${what}`, fix: 'write tool.json as one JSON object' }] };
  }
  const raw: unknown = JSON.parse(text);
  const parsed = ToolManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const node = findNodeAtLocation(tree, path) ?? nearestNode(tree, path);
      const where = path.length > 0 ? `"${path.join('.')}"` : 'the manifest';
      return {
        file,
        line: node === undefined ? 1 : lineOf(text, node.offset),
        message: `${where}: ${issue.message}`,
        fix: fixFor(issue.code, path, issue.message),
      };
    });
    return { ok: false, problems };
  }
  const problems: ManifestProblem[] = [];
  for (const key of ['parameters', 'returns'] as const) {
    const compiled = compileJsonSchema(parsed.data[key]);
    if (!compiled.ok) {
      const node = findNodeAtLocation(tree, [key]);
      problems.push({
        file,
        line: node === undefined ? 1 : lineOf(text, node.offset),
        message: `"${key}" is not a valid JSON Schema: ${compiled.message}`,
        fix: `correct "${key}" so it is a JSON Schema (draft 2020-12)`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, manifest: parsed.data };
}

function nearestNode(tree: NonNullable<ReturnType<typeof parseTree>>, path: (string | number)[]) {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = findNodeAtLocation(tree, path.slice(0, i));
    if (node !== undefined) return node;
  }
  return undefined;
}

function fixFor(code: string, path: (string | number)[], message: string): string {
  const field = path[0];
  if (code === 'unrecognized_keys') return `remove the unknown field (allowed: name, description, parameters, returns, runtime, capabilities, version)`;
  if (field === 'name') return 'use a snake_case name such as "reverse_string"';
  if (field === 'runtime') return 'set "runtime" to "isolate" (default) or "process" (for Node built-ins)';
  if (field === 'capabilities') return 'use only {"fs.read": ["<folder>"]}, or {} for none';
  if (field === 'parameters') return 'describe the one object argument: {"type": "object", "properties": {...}, "required": [...]}';
  if (message.includes('expected') && message.includes('received undefined')) return `add the required field "${String(field)}"`;
  return `correct "${path.join('.')}"`;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
