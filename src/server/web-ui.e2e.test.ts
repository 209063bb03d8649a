/**
 * The web UI end to end: `toolsmith serve` (scripted demo model, temp home) driven by real
 * headless Chromium through playwright-core. Chromium is required, never skipped: without it this
 * fails and says how to install it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.join(import.meta.dirname, '..', '..');
const artifacts = path.join(repo, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The demo script plus the answers `toolsmith serve` asks the model for (the demo command uses
 * template answers instead, so its script has none).
 */
async function writeModelScript(home: string): Promise<string> {
  const demo = JSON.parse(readFileSync(path.join(repo, 'demo', 'demo-script.json'), 'utf8')) as { calls: unknown[] };
  const answers = [
    { purpose: 'answer', match: 'percentage_of', reply: '15 percent of 300 is 45.' },
    { purpose: 'answer', reply: 'Done: the new tool is written, tested and registered.' },
    { purpose: 'answer', reply: 'Done.' },
  ];
  const file = path.join(home, 'model-script.json');
  await writeFile(file, JSON.stringify({ calls: [...demo.calls, ...answers] }));
  return file;
}

/** `vite build` as `npm run build:web` runs it: a production bundle (vitest sets NODE_ENV=test, which would make a development one). */
function buildWebUi(): void {
  const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', path.join(repo, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: repo,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run build:web failed:\n${result.stdout}${result.stderr}`);
}

async function startServe(home: string, modelScript: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', path.join(repo, 'bin', 'toolsmith.js'), 'serve', '--port', '0'], {
    cwd: repo,
    env: { ...process.env, TOOLSMITH_HOME: home, TOOLSMITH_MODEL: `scripted:${modelScript}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`toolsmith serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Toolsmith API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`toolsmith serve exited (${code}) before listening:\n${output}`));
    });
  });
  return { child, url };
}

describe('web UI in headless Chromium', () => {
  let home: string;
  let server: { child: ChildProcess; url: string } | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`the web UI test needs Chromium at ${CHROMIUM}; install it with \`apt-get install -y chromium\``);
    }
    // Build the UI from the current sources, so the test never runs against a stale bundle.
    buildWebUi();
    home = await mkdtemp(path.join(tmpdir(), 'toolsmith-web-e2e-'));
    await mkdir(artifacts, { recursive: true });
    server = await startServe(home, await writeModelScript(home));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (server !== undefined && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server?.child.once('exit', resolve));
      server.child.kill('SIGINT');
      await exited;
    }
    if (home !== undefined) await rm(home, { recursive: true, force: true });
  }, 60_000);

  async function openPage(viewport: { width: number; height: number }): Promise<Page> {
    if (browser === undefined || server === undefined) throw new Error('the browser or server did not start');
    const page = await browser.newPage({ viewport });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // The UI closes an event stream itself once the request's last event arrives; that abort is expected.
      const closedStream = request.url().endsWith('/events') && request.failure()?.errorText === 'net::ERR_ABORTED';
      if (!closedStream) problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    await page.goto(server.url);
    return page;
  }

  it('answers "What is 15 percent of 300?" with 45 while the stages stream beside it', async () => {
    const page = await openPage({ width: 1280, height: 900 });
    await page.getByLabel('Your request').fill('What is 15 percent of 300?');
    await page.keyboard.press('Enter');

    const answer = page.getByTestId('answer').last();
    await answer.waitFor({ timeout: 30_000 });
    expect(await answer.textContent()).toContain('45');

    const stages = await page.locator('.log-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event')));
    expect(stages).toEqual(expect.arrayContaining(['request-received', 'search-completed', 'arguments-bound', 'tool-executed', 'answer-generated']));
    expect(stages.indexOf('search-completed')).toBeLessThan(stages.indexOf('answer-generated'));
    expect(await page.locator('.log-row .timing').first().textContent()).toMatch(/\+\d/);
    await page.screenshot({ path: path.join(artifacts, 'web-chat.png'), fullPage: true });

    // The session survives a reload.
    await page.reload();
    await page.getByTestId('answer').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('answer').first().textContent()).toContain('45');
    await page.close();
  }, 90_000);

  it('shows a new tool\'s spec, tests, code and per-test results as it is written (phone-sized screen)', async () => {
    const page = await openPage({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'New chat' }).click();
    await page.getByRole('button', { name: 'Create a tool that reverses a string' }).click();
    await page.getByTestId('answer').last().waitFor({ timeout: 60_000 });

    for (const event of ['spec-generated', 'tests-generated', 'implementation-generated', 'tests-passed', 'tool-registered']) {
      expect(await page.locator(`.log-row[data-event="${event}"]`).count(), event).toBeGreaterThan(0);
    }
    expect(await page.locator('.log-row[data-event="spec-generated"] pre').textContent()).toContain('reverse_string');
    expect(await page.locator('.log-row[data-event="tests-passed"] .test.passed').count()).toBe(6);
    // Nothing wider than the phone's screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(artifacts, 'web-chat-phone.png'), fullPage: true });
    await page.close();
  }, 90_000);

  it('lists, searches, shows and runs tools, and shows the settings, by keyboard', async () => {
    const page = await openPage({ width: 1024, height: 800 });
    await page.getByRole('link', { name: 'Tools' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Search by meaning').fill('what is a percentage of a number');
    await page.locator('.tool-card', { hasText: 'percentage_of' }).first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.tool-card').first().textContent()).toMatch(/verified|experimental/);
    await page.screenshot({ path: path.join(artifacts, 'web-tools.png'), fullPage: true });

    await page.locator('.tool-card', { hasText: 'percentage_of' }).first().click();
    await page.getByRole('heading', { name: 'Parameters' }).waitFor();
    expect(await page.locator('table').first().textContent()).toContain('percent');
    await page.getByText('tool.ts', { exact: true }).click();
    expect(await page.locator('details.code[open] pre').first().textContent()).toContain('export function percentage_of');
    // Highlighted by class (hljs-*), which the page's CSP allows; an inline style would be reported in `problems`.
    expect(await page.locator('details.code[open] pre code.hljs .hljs-keyword').count()).toBeGreaterThan(0);
    const executionsBefore = await page.locator('table.executions tr.execution').count();
    await page.getByLabel('Arguments (JSON)').fill('{"percent": 15, "value": 300}');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('.outcome').waitFor({ timeout: 10_000 });
    const outcome = (await page.locator('.outcome').textContent()) ?? '';
    await page.locator(`table.executions tr.execution >> nth=${executionsBefore}`).waitFor({ timeout: 10_000 });
    expect(await page.locator('table.executions tr.execution').first().textContent()).toMatch(/succeeded.*\d+ ms/);
    await page.screenshot({ path: path.join(artifacts, 'web-tool.png'), fullPage: true });

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByText('scripted:').waitFor({ timeout: 10_000 });
    expect(await page.locator('dl.settings').textContent()).toContain('PGlite');
    expect(await page.locator('dl.settings').textContent()).toContain('Universal Sentence Encoder lite');
    await page.close();

    expect(outcome).toContain('Result');
    expect(outcome).toContain('45');
    expect(problems).toEqual([]);
  }, 90_000);

  it('lists a tool\'s versions and shows the lines that changed between the two a user picks', async () => {
    if (server === undefined) throw new Error('the server did not start');
    // A second version of a starter tool through the API: one line rewritten, same behaviour, so its tests still pass.
    const current = (await (await fetch(`${server.url}/api/tools/day_of_week`)).json()) as { version: string; manifest: Record<string, unknown>; source: string; tests: string };
    expect(current.version).toBe('1.0.0');
    const removedLine = '    is_weekend: isoDay >= 6,';
    const addedLine = '    is_weekend: isoDay > 5,';
    expect(current.source.split('\n')).toContain(removedLine);
    const added = await fetch(`${server.url}/api/tools`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        manifest: JSON.stringify({ ...current.manifest, version: '1.0.1' }, null, 2),
        source: current.source.replace(removedLine, addedLine),
        tests: current.tests,
        reason: 'weekend check written as isoDay > 5',
      }),
    });
    expect(added.status, await added.clone().text()).toBe(201);

    const page = await openPage({ width: 1024, height: 800 });
    await page.goto(`${server.url}/#/tools/day_of_week`);
    await page.getByRole('heading', { name: 'Compare versions' }).waitFor({ timeout: 10_000 });
    const versionRows = page.locator('table', { has: page.getByRole('columnheader', { name: 'Why' }) }).locator('tbody tr');
    await expect.poll(() => versionRows.count(), { timeout: 10_000 }).toBe(2);
    const rows = await versionRows.allTextContents();
    expect(rows.find((row) => row.includes('1.0.1'))).toMatch(/1\.0\.1 \(current\).*weekend check written as isoDay > 5/);
    expect(rows.find((row) => row.includes('1.0.0'))).not.toContain('(current)');

    // Newest on the right first, then the other way round: the signs of the changed lines follow the pick.
    const controls = page.locator('.diff-controls');
    const diff = page.locator('pre.diff');
    await controls.getByLabel('File').selectOption('tool.ts');
    await controls.getByLabel('From').selectOption('1.0.1');
    await controls.getByLabel(/^To\b/).selectOption('1.0.0');
    await page.getByLabel('changes to tool.ts from 1.0.1 to 1.0.0').waitFor({ timeout: 10_000 });
    expect(await diff.locator('.diff-line.removed').allTextContents()).toEqual([`- ${addedLine}\n`]);

    await controls.getByLabel('From').selectOption('1.0.0');
    await controls.getByLabel(/^To\b/).selectOption('1.0.1');
    await page.getByLabel('changes to tool.ts from 1.0.0 to 1.0.1').waitFor({ timeout: 10_000 });
    expect(await diff.locator('.diff-line.removed').allTextContents()).toEqual([`- ${removedLine}\n`]);
    expect(await diff.locator('.diff-line.added').allTextContents()).toEqual([`+ ${addedLine}\n`]);
    expect(await page.locator('.version-diff').textContent()).toContain('tool.ts: 1 line added, 1 removed from 1.0.0 to 1.0.1.');
    // Unchanged lines fold to three around the change, and unfold on request.
    expect(await diff.locator('.diff-line.same').count()).toBeLessThanOrEqual(6);
    expect(await diff.locator('.diff-line.fold').first().textContent()).toMatch(/^⋯ \d+ unchanged lines/);
    await page.getByRole('button', { name: 'Show every line' }).click();
    expect(await diff.locator('.diff-line.same').count()).toBeGreaterThan(10);
    expect(await diff.locator('.diff-line.fold').count()).toBe(0);
    await page.getByRole('button', { name: 'Fold unchanged lines' }).click();

    await page.screenshot({ path: path.join(artifacts, 'web-tool-versions.png'), fullPage: true });
    await page.close();
    expect(problems).toEqual([]);
  }, 90_000);
});
