// Host side: the harness as one script for a backend to evaluate in the sandbox. It is built from
// ./install.ts on first use and kept for the life of the process.
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';

const HERE = import.meta.dirname;
const ENTRY = join(HERE, 'install.ts');

// The script runs in a bare isolate: it may use only files of this folder (type imports are
// erased before resolving, so sharing types with ../bridge.ts stays allowed).
const ownFolderOnly: esbuild.Plugin = {
  name: 'harness-own-folder-only',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (args.path.startsWith('.') && dirname(resolve(args.resolveDir, args.path)) === HERE) return undefined;
      return { errors: [{ text: `the harness script may import only files of its own folder, not "${args.path}" (from ${args.importer})` }] };
    });
  },
};

let script: Promise<string> | undefined;

/**
 * The harness script: an IIFE of plain ES2023 that needs only `globalThis.__toolsmith_bridge`.
 *
 * @example
 * await context.eval(await getHarnessScript()); // then the test bundle, then __toolsmith_harness.run(...)
 */
export function getHarnessScript(): Promise<string> {
  script ??= build();
  return script;
}

async function build(): Promise<string> {
  try {
    const result = await esbuild.build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'neutral',
      target: 'es2023',
      logLevel: 'silent',
      sourcemap: false,
      legalComments: 'none',
      plugins: [ownFolderOnly],
    });
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error('esbuild produced no output for the harness script');
    return `${output.text}//# sourceURL=toolsmith-harness.js\n`;
  } catch (error) {
    // Let a later call try again instead of caching the failure.
    script = undefined;
    throw error;
  }
}
