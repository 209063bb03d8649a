import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { userError } from '../errors.ts';
import { checkToolPackage } from './bundle.ts';
import { MANIFEST_FILE, TEST_FILE, TOOL_FILE, type ToolPackage } from './manifest.ts';
import { parseManifest } from './parse-manifest.ts';

/**
 * Reads a tool package folder, validates the manifest and checks that both files compile
 * and import only what is allowed. Throws a user error naming file, line and fix.
 *
 * @example
 * const pkg = await loadToolPackage({ dir: './tools/reverse_string' });
 */
export async function loadToolPackage(options: { dir: string }): Promise<ToolPackage> {
  const dir = path.resolve(options.dir);
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw userError('package_not_found', `${options.dir} is not a folder`, `point to a folder holding ${MANIFEST_FILE}, ${TOOL_FILE} and ${TEST_FILE}`);
  }
  const [manifestText, source, tests] = await Promise.all([
    readPackageFile(dir, MANIFEST_FILE),
    readPackageFile(dir, TOOL_FILE),
    readPackageFile(dir, TEST_FILE),
  ]);
  return parseToolPackage({ manifestText, source, tests, dir });
}

/**
 * Checks a package given as its three files' text (a folder read by `loadToolPackage`, or a body
 * sent to the HTTP API): the manifest, then that both files compile and import only what is allowed.
 * `dir` only names the package in messages.
 */
export async function parseToolPackage(files: { manifestText: string; source: string; tests: string; dir?: string }): Promise<ToolPackage> {
  const { manifestText, source, tests, dir } = files;
  const parsed = parseManifest(manifestText);
  if (!parsed.ok) {
    const first = parsed.problems[0]!;
    throw userError(
      'manifest_invalid',
      `${first.file}:${first.line}: ${first.message}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : ''}${dir === undefined ? '' : ` (${dir})`}`,
      first.fix,
      { problems: parsed.problems },
    );
  }
  const pkg: ToolPackage = { manifest: parsed.manifest, source, tests, ...(dir === undefined ? {} : { dir }) };
  await checkToolPackage(pkg);
  return pkg;
}

async function readPackageFile(dir: string, name: string): Promise<string> {
  try {
    return await readFile(path.join(dir, name), 'utf8');
  } catch {
    throw userError('package_invalid', `${name} is missing in ${dir}`, `a tool package holds ${MANIFEST_FILE}, ${TOOL_FILE} and ${TEST_FILE}`);
  }
}
