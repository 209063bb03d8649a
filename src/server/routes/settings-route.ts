import { createRoute } from '@hono/zod-openapi';
import { SettingsSchema } from '../../api-contract/index.ts';
import type { ApiApp, ServerContext } from '../server-context.ts';
import { json } from './json-content.ts';

const settings = createRoute({
  method: 'get',
  path: '/api/settings',
  summary: 'What this server runs with: model, embedder, database kind, limits (never keys or URLs)',
  responses: { 200: { description: 'the settings', content: json(SettingsSchema) } },
});

export function registerSettingsRoute(app: ApiApp, context: ServerContext): void {
  const { config, toolsmith, limits } = context;
  app.openapi(settings, (c) =>
    c.json(
      {
        model: toolsmith.model?.id ?? null,
        embedder: config.embedder,
        sentenceEncoder: config.sentenceEncoder,
        database: config.databaseUrl === undefined ? 'pglite' : 'postgres',
        auth: config.apiToken === undefined ? 'none' : 'token',
        maxRunningRequests: limits.maxRunningRequests,
        maxBodyBytes: limits.maxBodyBytes,
      } as const,
      200,
    ),
  );
}
