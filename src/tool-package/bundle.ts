import { createHash } from 'node:crypto';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';
import { userError } from '../errors.ts';
import { TEST_FILE, TOOL_FILE, type ToolPackage } from './manifest.ts';

/** Packages a tool may import besides its own files. Empty until a package is vetted for sandbox use. */
export const ALLOWED_PACKAGES: readonly string[] = [];

/**
 * `call` bundles the tool and publishes its module on `globalThis.__toolsmith_tool`;
 * `verify` bundles the test file, whose `vitest` import reads `globalThis.__toolsmith_vitest`
 * (installed by the harness script, which the sandbox evaluates first).
 */
export type BundlePurpose = 'call' | 'verify';

export interface ToolBundle {
  code: string;
  /** `iife` for isolates (no module loader inside), `esm` for confined Node processes. */
  format: 'iife' | 'esm';
  hash: string;
}

export interface PackageProblem {
  file: string;
  line: number;
  message: string;
  fix: string;
}

const NAMESPACE = 'toolpkg';
const ENTRY = '<entry>';
const cache = new Map<string, ToolBundle>();
const CACHE_LIMIT = 256;
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

/** Compiles and bundles a package with esbuild, enforcing the import policy. Cached by content hash. */
export async function bundleToolPackage(options: { pkg: ToolPackage; purpose: BundlePurpose }): Promise<ToolBundle> {
  const { pkg, purpose } = options;
  const runtime = pkg.manifest.runtime;
  const hash = createHash('sha256')
    .update(JSON.stringify([esbuild.version, purpose, runtime, pkg.manifest.name, pkg.source, purpose === 'verify' ? pkg.tests : '']))
    .digest('hex');
  const cached = cache.get(hash);
  if (cached !== undefined) return cached;

  const files: Record<string, string> = {
    [ENTRY]: entrySource(pkg, purpose),
    [TOOL_FILE]: pkg.source,
    [TEST_FILE]: pkg.tests,
  };
  const format = runtime === 'process' ? 'esm' : 'iife';
  let result: esbuild.BuildResult;
  try {
    result = await esbuild.build({
      entryPoints: [`${NAMESPACE}:${ENTRY}`],
      bundle: true,
      write: false,
      format,
      platform: runtime === 'process' ? 'node' : 'neutral',
      target: 'es2023',
      logLevel: 'silent',
      sourcemap: false,
      plugins: [virtualFiles(files, runtime)],
    });
  } catch (error) {
    throw packageError(pkg, (error as esbuild.BuildFailure).errors ?? [], purpose);
  }
  const output = result.outputFiles?.[0];
  if (output === undefined) throw packageError(pkg, [], purpose);
  const bundle: ToolBundle = { code: output.text, format, hash };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(hash, bundle);
  return bundle;
}

/** Checks both files compile and import only what is allowed; throws a `package_invalid` error otherwise. */
export async function checkToolPackage(pkg: ToolPackage): Promise<void> {
  await bundleToolPackage({ pkg, purpose: 'call' });
  await bundleToolPackage({ pkg, purpose: 'verify' });
}

function entrySource(pkg: ToolPackage, purpose: BundlePurpose): string {
  if (purpose === 'verify') return `import './${TEST_FILE}';\n`;
  // A named import makes esbuild report a missing export at compile time.
  const name = pkg.manifest.name;
  return `import { ${name} } from './${TOOL_FILE}';\nglobalThis.__toolsmith_tool = { ${name} };\n`;
}

function virtualFiles(files: Record<string, string>, runtime: string): esbuild.Plugin {
  return {
    name: 'toolsmith-package',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: ENTRY, namespace: NAMESPACE };
        const importer = args.importer;
        const spec = args.path;
        if (importer === ENTRY) return { path: spec.slice(2), namespace: NAMESPACE };
        if (/^\.\/tool(?:\.ts|\.js)?$/.test(spec) && importer === TEST_FILE) return { path: TOOL_FILE, namespace: NAMESPACE };
        if (spec === 'vitest' && importer === TEST_FILE) return { path: 'vitest', namespace: NAMESPACE };
        if (spec.startsWith('node:') || builtins.has(spec)) {
          if (runtime !== 'process') {
            return denied(`"${spec}" is a Node built-in, and isolate tools have no Node APIs`,
              'remove it, or set "runtime": "process" in tool.json if the tool truly needs Node');
          }
          if (!spec.startsWith('node:')) return denied(`import Node built-ins with the node: prefix ("${spec}")`, `import from "node:${spec}"`);
          return { path: spec, external: true };
        }
        if (ALLOWED_PACKAGES.includes(spec)) return { path: spec, external: runtime === 'process' };
        const allowed = importer === TEST_FILE ? '"./tool", "vitest"' : 'nothing but Node built-ins (process runtime)';
        return denied(`import "${spec}" is not allowed in ${importer}`,
          `${importer} may import ${allowed}${ALLOWED_PACKAGES.length ? ` and ${ALLOWED_PACKAGES.join(', ')}` : ''}; write the code inline instead`);
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        if (args.path === 'vitest') {
          return {
            contents:
              'const v = globalThis.__toolsmith_vitest;\n' +
              'export const { describe, it, test, expect, beforeAll, afterAll, beforeEach, afterEach, vi } = v;\n',
            loader: 'js',
          };
        }
        const contents = files[args.path];
        if (contents === undefined) return { errors: [{ text: `missing file ${args.path}` }] };
        return { contents, loader: args.path === ENTRY ? 'js' : 'ts' };
      });
    },
  };
}

function denied(text: string, fix: string): esbuild.OnResolveResult {
  return { errors: [{ text, detail: fix }] };
}

function packageError(pkg: ToolPackage, messages: esbuild.Message[], purpose: BundlePurpose) {
  const problems: PackageProblem[] = messages.map((message) => {
    const location = message.location;
    const file = location?.file.replace(`${NAMESPACE}:`, '') ?? TOOL_FILE;
    const missingExport = /No matching export in "[^"]*tool\.ts" for import "([^"]+)"/.exec(message.text);
    if (missingExport !== null || (file === ENTRY && /tool\.ts/.test(message.text))) {
      const name = pkg.manifest.name;
      return {
        file: TOOL_FILE,
        line: 1,
        message: `${TOOL_FILE} does not export a function named ${name}`,
        fix: `export it by the manifest's name: export function ${name}(args) { ... }`,
      };
    }
    return {
      file,
      line: location?.line ?? 1,
      message: message.text,
      fix: typeof message.detail === 'string' ? message.detail : 'fix the code so it compiles as TypeScript',
    };
  });
  if (problems.length === 0) {
    problems.push({ file: purpose === 'verify' ? TEST_FILE : TOOL_FILE, line: 1, message: 'the package did not compile', fix: 'check the TypeScript syntax' });
  }
  const where = pkg.dir === undefined ? '' : ` (${pkg.dir})`;
  const first = problems[0]!;
  return userError(
    'package_invalid',
    `${first.file}:${first.line}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}${where}`,
    first.fix,
    { problems },
  );
}
