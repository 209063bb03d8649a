/**
 * Files written beside exported packages so they pass under plain vitest. Tools granted "fs.read"
 * call `toolsmith.fs.readFile`, a global only the sandbox defines; these install a stand-in.
 */

/** In each package folder whose tool has the "fs.read" capability. */
export const SHIM_FILE = 'toolsmith-shim.ts';

const INSTALL = `import { readFile } from 'node:fs/promises';

const scope = globalThis as { toolsmith?: unknown };
// Reads any path: unlike the sandbox, this does not confine reads to the manifest's "fs.read" folders.
scope.toolsmith ??= { fs: { readFile: (path: string): Promise<string> => readFile(path, 'utf8') } };
`;

export const SHIM_SOURCE = `// Stand-in for the \`toolsmith\` global that Toolsmith's sandbox grants with the "fs.read" capability,
// for running this package's tests under plain vitest (add this file to vitest's setupFiles).
// Toolsmith itself ignores this file.
export {};
${INSTALL}`;

export const ROOT_FILES: Readonly<Record<string, string>> = {
  'vitest.setup.ts': `// Installs the \`toolsmith\` global (fs.readFile) for plain vitest runs; see README.md.
export {};
${INSTALL}`,
  'vitest.config.ts': `// Runs every exported package's tests under plain vitest: npx vitest run
export default {
  test: {
    include: ['*/tool.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
  },
};
`,
  'README.md': `# Exported Toolsmith tools

Each folder is a Toolsmith tool package, written by \`toolsmith tools export\`:

- \`tool.json\`: the manifest (name, description, parameters, returns, runtime, capabilities, version)
- \`tool.ts\`: the tool, exported under its name
- \`tool.test.ts\`: its tests, written against vitest's API
- \`toolsmith-shim.ts\` (only for tools with the \`fs.read\` capability): see below

## Run the tests with plain vitest

\`\`\`sh
npm install --save-dev vitest   # or link an existing node_modules here
npx vitest run                  # every package
npx vitest run parse_csv        # one package
\`\`\`

Inside Toolsmith, tools granted \`fs.read\` read files through a \`toolsmith.fs.readFile(path)\` global
that the sandbox provides, confined to the folders the manifest names. Under plain vitest there is
no sandbox, so \`vitest.setup.ts\` (listed in \`vitest.config.ts\`) installs a stand-in:
\`globalThis.toolsmith = { fs: { readFile: (path) => fs.promises.readFile(path, 'utf8') } }\`.
It reads any path; the confinement exists only in Toolsmith. When you copy one package into
another project, add its \`toolsmith-shim.ts\` to that project's vitest \`setupFiles\` instead.

## Bring them back into Toolsmith

\`\`\`sh
toolsmith tools import .            # every package here, or: toolsmith tools import ./parse_csv
\`\`\`

Every package is verified again in the sandbox before it is added; the shim and these files are ignored.
`,
};
