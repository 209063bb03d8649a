/**
 * Test support for the CLI suites: runs the real `bin/toolsmith.js` in a child process and builds
 * throwaway tool packages in temp dirs. Not part of the CLI itself.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'toolsmith.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command with this process's environment plus `env` (a variable given as undefined is left out). */
export function spawnToolsmith(args: string[], options: { env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[key];
  // A debug flag inherited from the developer's shell would add stack traces the tests forbid.
  if (options.env?.['TOOLSMITH_DEBUG'] === undefined) delete env['TOOLSMITH_DEBUG'];
  return new Promise((resolve) => {
    execFile(process.execPath, ['--no-node-snapshot', bin, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

export const reverseStringManifest = {
  name: 'reverse_string',
  description: 'Reverses a string by Unicode code points.',
  parameters: {
    type: 'object',
    properties: { s: { type: 'string' } },
    required: ['s'],
    additionalProperties: false,
  },
  returns: { type: 'string' },
};

export const reverseStringSource = "export function reverse_string({ s }: { s: string }): string {\n  return Array.from(s).reverse().join('');\n}\n";

/** Writes a package folder; `tool.json` may be given as an object or as raw text. */
export async function makePackage(files: { manifest?: object | string; source?: string; tests: string }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-cli-'));
  const manifest = files.manifest ?? reverseStringManifest;
  await writeFile(path.join(dir, 'tool.json'), typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2));
  await writeFile(path.join(dir, 'tool.ts'), files.source ?? reverseStringSource);
  await writeFile(path.join(dir, 'tool.test.ts'), files.tests);
  return dir;
}

/** Every entry under `dir` with its size and mtime, to prove a command wrote nothing there. */
export async function snapshotDir(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const lines = await Promise.all(
    entries.map(async (entry) => {
      const info = await stat(path.join(dir, entry));
      return `${entry} ${info.size} ${info.mtimeMs}`;
    }),
  );
  return lines.sort();
}

/** A user-facing failure: one `error:` line, one `hint:` line, and never a stack trace (`extra` stays empty). */
export function errorLines(result: CliResult): { error: string; hint: string | undefined; extra: string[] } {
  const [error = '', ...rest] = result.stderr.split('\n').filter((line) => line.length > 0);
  const hint = rest[0]?.startsWith('hint: ') === true ? rest.shift() : undefined;
  return { error, hint, extra: rest };
}
