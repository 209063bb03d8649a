import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ToolsmithError, userError } from '../../../errors.ts';
import type { Registry, VersionEntry } from '../../../registry/index.ts';
import { loadToolPackage, MANIFEST_FILE, type ToolPackage } from '../../../tool-package/index.ts';

export type ImportOutcome =
  | { dir: string; name: string; version: string; outcome: 'imported'; status: 'verified' | 'experimental'; statusReason: string | null }
  | { dir: string; name: string; version: string; outcome: 'skipped'; reason: string }
  | { dir: string; name: string; version: string; outcome: 'failed'; message: string; failingTests: Array<{ name: string; message: string }> }
  | { dir: string; outcome: 'invalid'; code: string; message: string; hint?: string };

export interface ImportReport {
  packages: ImportOutcome[];
  totals: { imported: number; skipped: number; failed: number; invalid: number };
}

/**
 * Imports a folder of tool packages, or one package folder. Nothing from the source is trusted:
 * each package is loaded with the usual static checks and verified in the sandbox by
 * `registry.add` (one transaction each). A package already present at its version is skipped;
 * one whose tests fail is refused, or stored as experimental when `experimental` is set.
 */
export async function importPackages(options: {
  registry: Registry;
  dir: string;
  experimental: boolean;
  signal?: AbortSignal;
  onPackage?: (outcome: ImportOutcome) => void;
}): Promise<ImportReport> {
  const { registry, experimental, signal, onPackage } = options;
  const dirs = await findPackageDirs(options.dir);
  const packages: ImportOutcome[] = [];
  for (const dir of dirs) {
    signal?.throwIfAborted();
    const outcome = await importOne({ registry, dir, experimental, ...(signal ? { signal } : {}) });
    packages.push(outcome);
    onPackage?.(outcome);
  }
  const count = (kind: ImportOutcome['outcome']) => packages.filter((entry) => entry.outcome === kind).length;
  return { packages, totals: { imported: count('imported'), skipped: count('skipped'), failed: count('failed'), invalid: count('invalid') } };
}

/** The folder itself when it holds a `tool.json`, else its sub-folders that do, by name. */
async function findPackageDirs(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw userError('import_source_invalid', `${dir} is not a folder`, 'pass a folder of tool packages (as written by toolsmith tools export) or one package folder');
  }
  if (await isFile(path.join(root, MANIFEST_FILE))) return [root];
  const entries = await readdir(root, { withFileTypes: true });
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (await isFile(path.join(root, entry.name, MANIFEST_FILE))) dirs.push(path.join(root, entry.name));
  }
  if (dirs.length === 0) {
    throw userError('import_source_empty', `${dir} holds no tool packages`, `a package is a folder with ${MANIFEST_FILE}, tool.ts and tool.test.ts`);
  }
  return dirs.sort();
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

async function importOne(options: { registry: Registry; dir: string; experimental: boolean; signal?: AbortSignal }): Promise<ImportOutcome> {
  const { registry, dir, experimental, signal } = options;
  let pkg: ToolPackage;
  try {
    pkg = await loadToolPackage({ dir });
  } catch (error) {
    return invalid(dir, error);
  }
  const { name, version } = pkg.manifest;
  const present = (await historyOf(registry, name)).some((entry) => entry.version === version);
  if (present) {
    const stored = await registry.get({ name, version });
    const same = stored.source === pkg.source && stored.tests === pkg.tests && canonicalJson(stored.manifest) === canonicalJson(pkg.manifest);
    if (same) return { dir, name, version, outcome: 'skipped', reason: `already present at ${version}` };
    return {
      dir,
      outcome: 'invalid',
      code: 'version_conflict',
      message: `${name} ${version} is already in the library with different contents`,
      hint: `give the package a new version in ${MANIFEST_FILE}`,
    };
  }
  try {
    const record = await registry.add({ pkg, experimental, reason: `imported from ${dir}`, ...(signal ? { signal } : {}) });
    return { dir, name, version, outcome: 'imported', status: record.status === 'verified' ? 'verified' : 'experimental', statusReason: record.statusReason };
  } catch (error) {
    if (ToolsmithError.isInstance(error) && error.code === 'verification_failed') {
      const failingTests = (error.details?.['failingTests'] as Array<{ name: string; message: string }> | undefined) ?? [];
      return { dir, name, version, outcome: 'failed', message: error.message, failingTests };
    }
    // The package's fault (a version race, vectors the store refuses) is reported; the machine's stops the import.
    if (ToolsmithError.isInstance(error) && error.kind === 'user') return invalid(dir, error);
    throw error;
  }
}

async function historyOf(registry: Registry, name: string): Promise<VersionEntry[]> {
  try {
    return await registry.history({ name });
  } catch (error) {
    if (ToolsmithError.isInstance(error) && error.code === 'tool_not_found') return [];
    throw error;
  }
}

function invalid(dir: string, error: unknown): ImportOutcome {
  if (!ToolsmithError.isInstance(error) || error.kind !== 'user') throw error;
  return { dir, outcome: 'invalid', code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
}

/** JSON with object keys sorted, so manifests compare by content whatever order their keys were written in. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
