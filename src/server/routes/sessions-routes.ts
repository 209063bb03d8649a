import { createRoute } from '@hono/zod-openapi';
import { LimitQuerySchema, MessageListSchema, SessionIdParamsSchema, SessionListSchema } from '../../api-contract/index.ts';
import { messagesJson, sessionsJson } from '../json-shapes.ts';
import type { ApiApp, ServerContext } from '../server-context.ts';
import { errorResponses } from './error-responses.ts';
import { json } from './json-content.ts';

const DEFAULT_SESSIONS = 50;
const DEFAULT_MESSAGES = 200;

const listSessions = createRoute({
  method: 'get',
  path: '/api/sessions',
  summary: 'Sessions with their message counts, most recently active first',
  request: { query: LimitQuerySchema },
  responses: { 200: { description: 'the sessions', content: json(SessionListSchema) }, ...errorResponses(400) },
});

const sessionMessages = createRoute({
  method: 'get',
  path: '/api/sessions/{id}/messages',
  summary: "A session's latest messages, oldest first",
  request: { params: SessionIdParamsSchema, query: LimitQuerySchema },
  responses: { 200: { description: 'the messages', content: json(MessageListSchema) }, ...errorResponses(400, 404) },
});

export function registerSessionRoutes(app: ApiApp, context: ServerContext): void {
  const { sessions } = context.toolsmith;

  app.openapi(listSessions, async (c) => {
    const { limit } = c.req.valid('query');
    return c.json(sessionsJson(await sessions.listSessions({ limit: limit ?? DEFAULT_SESSIONS })), 200);
  });

  app.openapi(sessionMessages, async (c) => {
    const { id } = c.req.valid('param');
    const { limit } = c.req.valid('query');
    const session = await sessions.getSession({ id });
    return c.json(messagesJson(session, await sessions.recentMessages({ sessionId: id, limit: limit ?? DEFAULT_MESSAGES })), 200);
  });
}
