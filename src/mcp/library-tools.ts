import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Registry } from '../registry/index.ts';
import { describeTool, outputSchemaOf } from './function-formats.ts';
import { META_TOOL_DEFINITIONS } from './meta-tools.ts';

// A library tool named like a meta-tool is not listed: the meta-tool wins.
const META_TOOL_NAMES: ReadonlySet<string> = new Set(META_TOOL_DEFINITIONS.map((tool) => tool.name));

/**
 * The library's current tools as MCP tools: verified ones (and experimental ones when asked for),
 * each with its parameters as `inputSchema` and, when it returns an object, its `outputSchema`.
 */
export async function listLibraryTools(options: { registry: Registry; includeExperimental: boolean }): Promise<Tool[]> {
  const { registry, includeExperimental } = options;
  const summaries = await registry.list(includeExperimental ? {} : { status: 'verified' });
  const listed = summaries.filter((summary) => !META_TOOL_NAMES.has(summary.name));
  const records = await Promise.all(listed.map((summary) => registry.get({ name: summary.name })));
  return records.map((record) => {
    const { manifest } = record;
    const outputSchema = outputSchemaOf(record);
    return {
      name: manifest.name,
      description: describeTool(record),
      inputSchema: manifest.parameters as Tool['inputSchema'],
      ...(outputSchema === undefined ? {} : { outputSchema }),
      annotations: { title: manifest.name, readOnlyHint: true, openWorldHint: false },
      _meta: { 'toolsmith/version': record.version, 'toolsmith/status': record.status },
    } satisfies Tool;
  });
}

/** Names, versions and statuses of the library: it changes exactly when `tools/list` would. */
export async function libraryFingerprint(options: { registry: Registry; includeExperimental: boolean }): Promise<string> {
  const summaries = await options.registry.list(options.includeExperimental ? {} : { status: 'verified' });
  return summaries
    .map((summary) => `${summary.name}@${summary.version}:${summary.status}`)
    .sort()
    .join('\n');
}
