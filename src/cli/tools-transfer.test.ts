import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddingsTestServer, type EmbeddingsTestServer } from '../registry/embedders/embeddings-test-server.ts';
import { makePackage, snapshotDir, spawnToolsmith } from './spawn-toolsmith.ts';

const repo = path.join(import.meta.dirname, '..', '..');
const reverseTests = [
  "import { expect, it } from 'vitest';",
  "import { reverse_string } from './tool';",
  "it('reverses ascii', () => expect(reverse_string({ s: 'abc' })).toBe('cba'));",
  "it('keeps emoji whole', () => expect(reverse_string({ s: 'a😀' })).toBe('😀a'));",
].join('\n');

/** Plain vitest (not Toolsmith's sandbox) on an export folder, with the repo's node_modules linked in. */
function runPlainVitest(root: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key === 'TEST' || key === 'NODE_ENV' || key === 'FORCE_COLOR') delete env[key];
  env['NO_COLOR'] = '1';
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repo, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', root], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, output: `${stdout}${stderr}`.replace(/\u001b\[[0-9;]*m/g, '') });
    });
  });
}

const names = (stdout: string) => (JSON.parse(stdout) as Array<{ name: string }>).map((tool) => tool.name);

describe('toolsmith tools export / import / reindex (real CLI, temp homes)', () => {
  let scratch: string;
  let out: string;
  const home = (name: string) => ({ TOOLSMITH_HOME: path.join(scratch, name) });
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'toolsmith-transfer-'));
    out = path.join(scratch, 'exported');
    const pkg = await makePackage({ tests: reverseTests });
    const added = await spawnToolsmith(['tools', 'add', pkg], { env: home('first') });
    expect(added.code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('exports every tool as a package folder whose tests pass under plain vitest, with the fs shim', async () => {
    const result = await spawnToolsmith(['tools', 'export', '--out', out], { env: home('first') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Exported 27 tools to ${out}`);
    const entries = await readdir(out);
    expect(entries).toEqual(expect.arrayContaining(['README.md', 'vitest.config.ts', 'vitest.setup.ts', 'reverse_string', 'summarize_csv_file']));
    expect(entries.filter((entry) => entry.startsWith('.'))).toEqual([]);
    expect((await readdir(path.join(out, 'reverse_string'))).sort()).toEqual(['tool.json', 'tool.test.ts', 'tool.ts']);
    expect((await readdir(path.join(out, 'summarize_csv_file'))).sort()).toEqual(['tool.json', 'tool.test.ts', 'tool.ts', 'toolsmith-shim.ts']);
    expect(JSON.parse(await readFile(path.join(out, 'reverse_string', 'tool.json'), 'utf8'))).toMatchObject({ name: 'reverse_string', version: '1.0.0' });

    // Run in a copy so the probe below does not become part of the export.
    const run = path.join(scratch, 'plain-vitest');
    await cp(out, run, { recursive: true });
    await symlink(path.join(repo, 'node_modules'), path.join(run, 'node_modules'), 'dir');
    await mkdir(path.join(run, 'shim_probe'));
    await writeFile(
      path.join(run, 'shim_probe', 'tool.test.ts'),
      "import { expect, it } from 'vitest';\nit('reads files through the installed toolsmith global', async () => {\n  const text = await (globalThis as any).toolsmith.fs.readFile('README.md');\n  expect(text).toContain('# Exported Toolsmith tools');\n});\n",
    );
    const vitest = await runPlainVitest(run);
    expect(vitest.output).toMatch(/Test Files\s+28 passed \(28\)/);
    expect(vitest.code).toBe(0);
  }, 180_000);

  it('refuses to overwrite exported folders without --force, writing nothing, and replaces them with it', async () => {
    const before = await snapshotDir(out);
    const refused = await spawnToolsmith(['tools', 'export', 'reverse_string', 'parse_csv', '--out', out], { env: home('first') });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^error: .* already holds folders for reverse_string, parse_csv; nothing was written/);
    expect(refused.stderr).toContain('hint: pass --force');
    expect(await snapshotDir(out)).toEqual(before);
    const forced = await spawnToolsmith(['tools', 'export', 'reverse_string', '--out', out, '--force'], { env: home('first') });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Exported 1 tool to');
    expect((await readdir(out)).filter((entry) => entry.startsWith('.'))).toEqual([]);
    const unknown = await spawnToolsmith(['tools', 'export', 'no_such_tool', '--out', path.join(scratch, 'never')], { env: home('first') });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: no tool named "no_such_tool"/);
  }, 60_000);

  it('imports into a fresh library, which then lists the same tools; a second import skips everything', async () => {
    const first = await spawnToolsmith(['tools', 'import', out], { env: home('second') });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported reverse_string 1\.0\.0 \(verified\)$/m);
    expect(first.stdout).toContain('Imported 1, skipped 26, failed 0, invalid 0');
    const [listFirst, listSecond] = await Promise.all([
      spawnToolsmith(['tools', 'list', '--json'], { env: home('first') }),
      spawnToolsmith(['tools', 'list', '--json'], { env: home('second') }),
    ]);
    expect(names(listSecond.stdout)).toEqual(names(listFirst.stdout));
    expect(names(listSecond.stdout)).toHaveLength(27);

    const again = await spawnToolsmith(['tools', 'import', out, '--json'], { env: home('second') });
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { totals: Record<string, number>; packages: Array<{ outcome: string; reason?: string }> };
    expect(report.totals).toEqual({ imported: 0, skipped: 27, failed: 0, invalid: 0 });
    expect(report.packages.every((entry) => entry.outcome === 'skipped' && entry.reason === 'already present at 1.0.0')).toBe(true);
  }, 120_000);

  it('refuses a tampered package whose test fails, with exit 1, naming the test, and does not list it', async () => {
    const tampered = path.join(scratch, 'tampered');
    await cp(path.join(out, 'reverse_string'), tampered, { recursive: true });
    const tests = await readFile(path.join(tampered, 'tool.test.ts'), 'utf8');
    await writeFile(path.join(tampered, 'tool.test.ts'), tests.replace("toBe('cba')", "toBe('abc')"));
    const result = await spawnToolsmith(['tools', 'import', tampered], { env: home('third') });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^failed {3}reverse_string 1\.0\.0: verification failed; not imported$/m);
    expect(result.stdout).toContain('✗ reverses ascii');
    expect(result.stdout).toContain('Imported 0, skipped 0, failed 1, invalid 0');
    const listed = await spawnToolsmith(['tools', 'list', '--json'], { env: home('third') });
    expect(names(listed.stdout)).not.toContain('reverse_string');

    const admitted = await spawnToolsmith(['tools', 'import', tampered, '--experimental'], { env: home('third') });
    expect(admitted.code).toBe(0);
    expect(admitted.stdout).toMatch(/^imported reverse_string 1\.0\.0 \(experimental: 1 of 2 tests failed: reverses ascii/m);
    const shown = await spawnToolsmith(['tools', 'show', 'reverse_string', '--json'], { env: home('third') });
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'experimental' });
  }, 60_000);

  it('reports invalid packages (exit 2) and refuses a source that is not a folder of packages', async () => {
    const broken = path.join(scratch, 'broken', 'bad_tool');
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, 'tool.json'), '{ "name": "Bad Name" }');
    const invalid = await spawnToolsmith(['tools', 'import', path.dirname(broken)], { env: home('third') });
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(/^invalid {2}.*bad_tool: /m);
    const missing = await spawnToolsmith(['tools', 'import', path.join(scratch, 'nowhere')], { env: home('third') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: .*nowhere is not a folder/);
  }, 60_000);

  describe('reindex with a provider embedder (local OpenAI-style server)', () => {
    let server: EmbeddingsTestServer;
    beforeAll(async () => {
      server = await startEmbeddingsTestServer({ dimensions: 48 });
    });
    afterAll(async () => {
      await server.close();
    });

    it('re-embeds every tool with the configured embedder, and search then asks that embedder', async () => {
      const env = { ...home('second'), TOOLSMITH_EMBEDDER: 'openai-compatible:bag-of-words', TOOLSMITH_EMBEDDER_BASE_URL: server.baseUrl };
      const result = await spawnToolsmith(['tools', 'reindex', '--json'], { env });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ embedderId: 'openai-compatible:bag-of-words', embedded: 27, missingBefore: 27 });
      const human = await spawnToolsmith(['tools', 'reindex'], { env });
      expect(human.stdout).toMatch(/^Re-embedded 27 tools with openai-compatible:bag-of-words in \d+\.\d s \(0 had no vector from it\)\n$/);

      server.requests.length = 0;
      const search = await spawnToolsmith(['tools', 'search', 'reverse a string', '--json'], { env });
      expect(search.code).toBe(0);
      expect((JSON.parse(search.stdout) as { hits: Array<{ name: string }> }).hits[0]?.name).toBe('reverse_string');
      expect(server.requests.some((request) => request.input.includes('reverse a string'))).toBe(true);
    }, 60_000);

    it('fails clearly (exit 2) when the provider refuses the key', async () => {
      const locked = await startEmbeddingsTestServer({ apiKey: 'right-key' });
      try {
        const env = { ...home('second'), TOOLSMITH_EMBEDDER: 'openai-compatible:m', TOOLSMITH_EMBEDDER_BASE_URL: locked.baseUrl, TOOLSMITH_EMBEDDER_API_KEY: 'wrong' };
        const result = await spawnToolsmith(['tools', 'reindex'], { env });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^error: the embedding provider at .* refused the API key for openai-compatible:m \(HTTP 401/);
        expect(result.stderr).toContain('hint: set TOOLSMITH_EMBEDDER_API_KEY');
      } finally {
        await locked.close();
      }
    }, 60_000);
  });
});
