import { stat } from 'node:fs/promises';
import path from 'node:path';
import { userError } from '../../../errors.ts';
import { toFunctionDefinitions, type FunctionDefinitions, type FunctionFormat } from '../../../mcp/index.ts';
import type { Registry, ToolRecord } from '../../../registry/index.ts';
import { writeFileAtomically } from './export-packages.ts';

export interface DefinitionsExport {
  format: FunctionFormat;
  /** The names exported, in the document's order. */
  tools: string[];
  document: FunctionDefinitions;
}

/**
 * The current version of each named tool (all verified tools when none are named; experimental
 * ones too when `experimental`) as one function-calling document. Naming an experimental tool
 * without `experimental` is refused rather than silently dropped.
 */
export async function exportDefinitions(options: { registry: Registry; names: string[]; format: FunctionFormat; experimental: boolean }): Promise<DefinitionsExport> {
  const { registry, format, experimental } = options;
  const names = options.names.length > 0 ? [...new Set(options.names)] : (await registry.list(experimental ? {} : { status: 'verified' })).map((tool) => tool.name);
  const records: ToolRecord[] = [];
  for (const name of names) records.push(await registry.get({ name }));
  const unverified = records.filter((record) => record.status !== 'verified' && !(experimental && record.status === 'experimental'));
  if (unverified.length > 0) {
    throw userError(
      'export_tool_unverified',
      `${unverified.map((record) => `${record.name} is ${record.status}`).join(', ')}; only verified tools are exported`,
      'pass --experimental to include experimental tools',
    );
  }
  return { format, tools: records.map((record) => record.name), document: toFunctionDefinitions({ tools: records, format }) };
}

/** Writes the document as a file; an existing file is replaced only with `force`, a folder never. */
export async function writeDefinitions(options: { exported: DefinitionsExport; file: string; force: boolean }): Promise<string> {
  const file = path.resolve(options.file);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory() === true) throw userError('export_target_invalid', `${options.file} is a folder`, 'with --format, pass --out a file path');
  if (info !== undefined && !options.force) {
    throw userError('export_target_exists', `${file} already exists; nothing was written`, 'pass --force to replace it, or choose another --out file');
  }
  await writeFileAtomically(file, `${JSON.stringify(options.exported.document, null, 2)}\n`);
  return file;
}
