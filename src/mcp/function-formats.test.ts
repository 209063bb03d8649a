import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLibraryTools } from './library-tools.ts';
import { toFunctionDefinitions, type McpToolList } from './function-formats.ts';
import { openTestLibrary, type TestLibrary } from './mcp-test-support.ts';

describe('function-calling definitions', () => {
  let library: TestLibrary;
  beforeAll(async () => {
    library = await openTestLibrary();
  }, 120_000);
  afterAll(async () => {
    await library.dispose();
  });

  it('agrees with the MCP server on names, descriptions, inputSchema and outputSchema', async () => {
    const { registry } = library.toolsmith;
    const served = await listLibraryTools({ registry, includeExperimental: false });
    const summaries = await registry.list({ status: 'verified' });
    const records = await Promise.all(summaries.map((summary) => registry.get({ name: summary.name })));
    const exported = toFunctionDefinitions({ tools: records, format: 'mcp' }) as McpToolList;
    expect(exported.tools).toEqual(served.map(({ name, description, inputSchema, outputSchema }) => ({ name, description, inputSchema, ...(outputSchema === undefined ? {} : { outputSchema }) })));
  });
});
