/**
 * `/docs`: the OpenAPI document as a plain HTML list of routes, rendered on the server (no
 * scripts, no CDN), so it works offline and behind the same access rules as everything else.
 */
interface OperationLike {
  summary?: string;
  requestBody?: unknown;
  parameters?: Array<{ name?: string; in?: string }>;
  responses?: Record<string, { description?: string }>;
}

export function renderDocsPage(document: { info?: { title?: string; version?: string }; paths?: Record<string, Record<string, OperationLike>> }): string {
  const title = `${document.info?.title ?? 'API'} ${document.info?.version ?? ''}`.trim();
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = (operation.parameters ?? []).map((parameter) => `${parameter.name ?? '?'} (${parameter.in ?? '?'})`);
      const statuses = Object.entries(operation.responses ?? {}).map(([status, response]) => `<li><code>${escape(status)}</code> ${escape(response.description ?? '')}</li>`);
      return `<section>
  <h2><code>${escape(method.toUpperCase())} ${escape(path)}</code></h2>
  <p>${escape(operation.summary ?? '')}</p>
  ${parameters.length === 0 ? '' : `<p>Parameters: ${escape(parameters.join(', '))}</p>`}
  ${operation.requestBody === undefined ? '' : '<p>Body: JSON (schema in <a href="/openapi.json">/openapi.json</a>)</p>'}
  <ul>${statuses.join('')}</ul>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h2{font-size:1rem;margin-top:2rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p>Errors are <code>{"error": {"code", "message", "hint"}}</code>. The machine-readable document is <a href="/openapi.json">/openapi.json</a>.</p>
${rows.join('\n')}
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
