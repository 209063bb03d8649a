import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { userError } from '../../../errors.ts';
import type { Registry, ToolRecord } from '../../../registry/index.ts';
import { MANIFEST_FILE, TEST_FILE, TOOL_FILE, ToolManifestSchema } from '../../../tool-package/index.ts';
import { ROOT_FILES, SHIM_FILE, SHIM_SOURCE } from './export-support-files.ts';

export interface ExportReport {
  dir: string;
  tools: Array<{ name: string; version: string; dir: string }>;
  /** Support files at the root left as they were because they differ from ours (without --force). */
  keptRootFiles: string[];
}

/**
 * Writes the current version of each named tool (all tools when none are named) as a package
 * folder under `outDir`, with the files plain vitest needs at the root. Each folder is written
 * in a temp folder beside it and renamed into place, so a folder is either whole or absent.
 * Nothing is written when a name is unknown or a target folder is not empty (unless `force`).
 */
export async function exportPackages(options: { registry: Registry; names: string[]; outDir: string; force: boolean }): Promise<ExportReport> {
  const { registry, force } = options;
  const out = path.resolve(options.outDir);
  const names = options.names.length > 0 ? [...new Set(options.names)] : (await registry.list()).map((tool) => tool.name);
  const records: ToolRecord[] = [];
  for (const name of names) records.push(await registry.get({ name }));

  const outInfo = await stat(out).catch(() => undefined);
  if (outInfo !== undefined && !outInfo.isDirectory()) {
    throw userError('export_target_invalid', `${options.outDir} exists and is not a folder`, 'pass --out a folder path');
  }
  if (!force) {
    const taken = [];
    for (const record of records) if (!(await isEmptyOrAbsent(path.join(out, record.name)))) taken.push(record.name);
    if (taken.length > 0) {
      throw userError(
        'export_target_exists',
        `${out} already holds ${taken.length === 1 ? 'a folder' : 'folders'} for ${taken.join(', ')}; nothing was written`,
        'pass --force to replace them, or choose another --out folder',
        { folders: taken.map((name) => path.join(out, name)) },
      );
    }
  }
  await mkdir(out, { recursive: true });

  const keptRootFiles: string[] = [];
  for (const [file, content] of Object.entries(ROOT_FILES)) {
    const target = path.join(out, file);
    const existing = await readFile(target, 'utf8').catch(() => undefined);
    if (existing === content) continue;
    if (existing !== undefined && !force) keptRootFiles.push(file);
    else await writeFileAtomically(target, content);
  }

  const tools: ExportReport['tools'] = [];
  for (const record of records) {
    const files: Record<string, string> = {
      // Parsing restores the manifest's field order (the store keeps it as jsonb, sorted its own way).
      [MANIFEST_FILE]: `${JSON.stringify(ToolManifestSchema.parse(record.manifest), null, 2)}\n`,
      [TOOL_FILE]: record.source,
      [TEST_FILE]: record.tests,
      ...(record.manifest.capabilities['fs.read'] === undefined ? {} : { [SHIM_FILE]: SHIM_SOURCE }),
    };
    const dir = path.join(out, record.name);
    await writeFolderAtomically(dir, files);
    tools.push({ name: record.name, version: record.version, dir });
  }
  return { dir: out, tools, keptRootFiles };
}

async function isEmptyOrAbsent(dir: string): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) return true;
  return info.isDirectory() && (await readdir(dir)).length === 0;
}

const tempName = (target: string, purpose: string) =>
  path.join(path.dirname(target), `.${path.basename(target)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);

export async function writeFileAtomically(target: string, content: string): Promise<void> {
  const temp = tempName(target, 'tmp');
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Writes the files into a temp folder, then swaps it in; a replaced folder is removed only after the swap. */
async function writeFolderAtomically(dir: string, files: Record<string, string>): Promise<void> {
  const temp = tempName(dir, 'tmp');
  let replaced: string | undefined;
  try {
    await mkdir(temp);
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(temp, name), content);
    if (!(await isEmptyOrAbsent(dir))) {
      replaced = tempName(dir, 'old');
      await rename(dir, replaced);
    }
    // rename(2) replaces an empty folder in one step.
    await rename(temp, dir);
  } catch (error) {
    if (replaced !== undefined) await rename(replaced, dir).catch(() => undefined);
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  if (replaced !== undefined) await rm(replaced, { recursive: true, force: true });
}
