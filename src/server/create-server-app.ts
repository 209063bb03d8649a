import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import type { Config } from '../config.ts';
import { ToolsmithError, userError } from '../errors.ts';
import type { Toolsmith } from '../toolsmith.ts';
import { createMcpHttpHandler } from '../mcp/index.ts';
import { accessControl } from './access-control.ts';
import { renderDocsPage } from './docs-page.ts';
import { bodyTooLarge, errorResponse, fromHttpException, statusForError } from './http-errors.ts';
import { createRequestRunner, type RequestRunner } from './request-runner.ts';
import { registerRequestRoutes } from './routes/requests-routes.ts';
import { registerSessionRoutes } from './routes/sessions-routes.ts';
import { registerSettingsRoute } from './routes/settings-route.ts';
import { registerToolRoutes } from './routes/tools-routes.ts';
import type { ServerContext, ServerLimits } from './server-context.ts';
import { webAssets } from './web-assets.ts';

export interface CreateServerAppOptions {
  toolsmith: Toolsmith;
  /** `apiToken` turns on bearer auth for `/api`; the rest is reported by `/api/settings`. */
  config: Config;
  limits?: Partial<ServerLimits>;
}

export interface ServerApp {
  /** A Fetch-API app: `app.fetch(request)`, or `app.request('/api/tools')` in tests. */
  app: OpenAPIHono;
  /** The background requests (status, events). */
  runner: RequestRunner;
  /** Stops the running requests and waits for them; does not close `toolsmith`. */
  close(): Promise<void>;
}

const DEFAULT_LIMITS: ServerLimits = { maxRunningRequests: 4, maxBodyBytes: 256 * 1024, retryAfterSeconds: 5 };

/**
 * The HTTP API over one Toolsmith: requests (run in the background, progress as Server-Sent
 * Events), tools, sessions and settings under `/api`, `/openapi.json` from the same zod schemas,
 * and `/docs`. Routes only validate, forward to the agent or registry, and render.
 *
 * @example
 * const toolsmith = await createToolsmith(config);
 * const { app, close } = createServerApp({ toolsmith, config });
 * const response = await app.request('/api/tools?q=percent');
 */
export function createServerApp(options: CreateServerAppOptions): ServerApp {
  const { toolsmith, config } = options;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const runner = createRequestRunner({ agent: toolsmith.agent, maxRunning: limits.maxRunningRequests });
  const context: ServerContext = { toolsmith, config, runner, limits };

  const app = new OpenAPIHono({ defaultHook: (result) => (result.success ? undefined : errorResponse(invalidInput(result.error, result.target))) });

  app.use('/api/*', accessControl(config.apiToken === undefined ? {} : { token: config.apiToken }));
  app.use('/api/*', bodyLimit({ maxSize: limits.maxBodyBytes, onError: () => errorResponse(bodyTooLarge(limits.maxBodyBytes)) }));

  registerRequestRoutes(app, context);
  registerToolRoutes(app, context);
  registerSessionRoutes(app, context);
  registerSettingsRoute(app, context);
  const mcp = createMcpHttpHandler({ toolsmith });
  app.all('/mcp', accessControl(config.apiToken === undefined ? {} : { token: config.apiToken }), mcp);

  const info = { title: 'Toolsmith API', version: '1', description: 'Ask for things; Toolsmith finds, writes, verifies and runs the tools.' };
  app.doc31('/openapi.json', { openapi: '3.1.0', info, ...(config.apiToken === undefined ? {} : { security: [{ bearer: [] }] }) });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info }) as Parameters<typeof renderDocsPage>[0])));
  // The web UI (web/dist) at `/`, after every API route so it can never shadow one.
  app.get('/*', webAssets());

  app.notFound(() => errorResponse(userError('route_not_found', 'no such route', 'see /docs for the routes')));
  app.onError((error) => {
    const known = error instanceof HTTPException ? fromHttpException(error) : error;
    const busy = ToolsmithError.isInstance(known) && known.code === 'server_busy';
    // An unknown throw is our bug and its 500 body says nothing, so the log must; the rest only when debugging.
    if (!ToolsmithError.isInstance(known) || (config.debug && statusForError(known) >= 500)) console.error(error);
    return errorResponse(known, busy ? { 'Retry-After': String(limits.retryAfterSeconds) } : {});
  });

  return {
    app,
    runner,
    // MCP sessions own watch timers; ending them lets the process exit once the server stops.
    close: async () => {
      await Promise.all([runner.close(), mcp.close()]);
    },
  };
}

/** A schema failure as one readable 400: every problem with where it is. */
function invalidInput(error: ZodError, target: string) {
  const where = target === 'json' ? 'body' : target;
  const problems = error.issues.map((issue) => `${[where, ...issue.path].join('.')}: ${issue.message}`);
  return userError('input_invalid', `invalid ${where}: ${problems.join('; ')}`, 'see /docs for the expected shape', { problems });
}
