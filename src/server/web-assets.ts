import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';

/** Where `npm run build:web` (and `npm install`, through `prepare`) puts the web UI. */
export const DEFAULT_WEB_ROOT = path.join(import.meta.dirname, '..', '..', 'web', 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The UI talks only to this server and loads nothing from elsewhere; this keeps it that way.
const CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the built web UI: `/` is `index.html`, other paths are files under `root`. Vite names
 * `/assets/*` by content hash, so they are cached for good and `index.html` never is. A path
 * that names no file falls through (`next`) to the app's 404, and one that tries to leave `root`
 * (`..`, encoded or not) does too. Without a build, `/` answers 503 with a page that says how to
 * make one.
 *
 * @example
 * app.get('/*', webAssets());                          // web/dist beside the package
 * app.get('/*', webAssets({ root: '/tmp/ui-build' }));
 */
export function webAssets(options: { root?: string } = {}): MiddlewareHandler {
  const root = path.resolve(options.root ?? DEFAULT_WEB_ROOT);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const wanted = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = resolveInside(root, wanted);
    if (file === undefined) return next();
    const body = await readIfFile(file);
    if (body === undefined) {
      if (wanted === '/index.html') return c.html(missingBuildPage(root), 503, { 'Cache-Control': 'no-store' });
      return next();
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const hashed = wanted.startsWith('/assets/');
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'Referrer-Policy': 'no-referrer' } : {}),
    };
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}

/** The file a URL path names under `root`, or undefined when it is malformed, hidden, or outside. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

function missingBuildPage(root: string): string {
  const escaped = root.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Toolsmith: web UI not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}code{background:#8882;padding:0 .25em}</style></head>
<body>
<h1>The web UI is not built</h1>
<p>This server found no build in <code>${escaped}</code>. Build it once, from the Toolsmith folder:</p>
<pre><code>npm run build:web</code></pre>
<p>then reload this page. (<code>npm install</code> builds it too.) The HTTP API works without it: see <a href="/docs">/docs</a>.</p>
</body>
</html>`;
}
