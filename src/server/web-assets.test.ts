import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAssets } from './web-assets.ts';

describe('webAssets', () => {
  let base: string;
  let root: string;

  /** A tiny app like the server's: an API route first, then the UI, then a JSON 404. */
  function appFor(webRoot: string) {
    const app = new Hono();
    app.get('/api/ping', (c) => c.json({ pong: true }));
    app.get('/*', webAssets({ root: webRoot }));
    app.notFound((c) => c.json({ error: { code: 'route_not_found' } }, 404));
    return app;
  }

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'toolsmith-web-'));
    root = path.join(base, 'dist');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>UI</title>');
    await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
    await writeFile(path.join(root, '.env'), 'SECRET=1');
    await writeFile(path.join(base, 'outside.txt'), 'not for the web');
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves index.html at / with a content security policy and no caching', async () => {
    const response = await appFor(root).request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await response.text()).toContain('<title>UI</title>');
  });

  it('serves hashed assets with their type, cached for good', async () => {
    const script = await appFor(root).request('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log(1)');
    const style = await appFor(root).request('/assets/index-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await appFor(root).request('/assets/index-abc123.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(await response.text()).toBe('');
  });

  it('leaves API routes alone', async () => {
    const response = await appFor(root).request('/api/ping');
    expect(await response.json()).toEqual({ pong: true });
  });

  it('falls through to the 404 for a path that names no file', async () => {
    for (const missing of ['/nothing.js', '/assets/', '/assets', '/api/nothing-here']) {
      const response = await appFor(root).request(missing);
      expect(response.status, missing).toBe(404);
      expect(await response.json(), missing).toEqual({ error: { code: 'route_not_found' } });
    }
  });

  it('refuses paths that leave the build folder, encoded or not, and hidden files', async () => {
    const app = appFor(root);
    for (const attempt of ['/../outside.txt', '/assets/../../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f%2e%2e%2foutside.txt', '/..%5coutside.txt', '/.env', '/%2eenv', '/index.html%00.js', '/%E0%A4%A']) {
      const response = await app.request(attempt);
      expect(response.status, attempt).toBe(404);
      expect(await response.text(), attempt).not.toMatch(/not for the web|SECRET/);
    }
  });

  it('without a build, answers / with a page that says to run npm run build:web', async () => {
    const response = await appFor(path.join(base, 'no-such-build')).request('/');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('npm run build:web');
    expect(html).toContain('no-such-build');
  });

  it('is mounted by the server app at / without shadowing the API', async () => {
    const { openTestToolsmith } = await import('./server-test-support.ts');
    const { createServerApp } = await import('./create-server-app.ts');
    const test = await openTestToolsmith();
    const server = createServerApp({ toolsmith: test.toolsmith, config: test.config });
    try {
      const page = await server.app.request('http://127.0.0.1/');
      // The build may or may not exist where this runs; either way `/` is an HTML page, not the JSON 404.
      expect([200, 503]).toContain(page.status);
      expect(page.headers.get('content-type')).toContain('text/html');
      const settings = await server.app.request('http://127.0.0.1/api/settings');
      expect(settings.status).toBe(200);
      const unknown = await server.app.request('http://127.0.0.1/api/nothing-here');
      expect(unknown.status).toBe(404);
    } finally {
      await server.close();
      await test.dispose();
    }
  });
});
