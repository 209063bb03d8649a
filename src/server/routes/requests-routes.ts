import { createRoute } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import {
  AgentEventSchema,
  CreateRequestBodySchema,
  EventsHeadersSchema,
  RequestAcceptedSchema,
  RequestIdParamsSchema,
  RequestStatusSchema,
} from '../../api-contract/index.ts';
import type { ApiApp, ServerContext } from '../server-context.ts';
import { errorResponses } from './error-responses.ts';
import { json } from './json-content.ts';

const createRequest = createRoute({
  method: 'post',
  path: '/api/requests',
  summary: 'Start a request; it runs in the background, even if the client goes away',
  request: { body: { required: true, content: json(CreateRequestBodySchema) } },
  responses: {
    202: { description: 'accepted; follow eventsUrl for progress', content: json(RequestAcceptedSchema) },
    ...errorResponses(400, 404, 413, 415, 429, 503),
  },
});

const getRequest = createRoute({
  method: 'get',
  path: '/api/requests/{id}',
  summary: 'A request: running, or its outcome (succeeded) or error (failed)',
  request: { params: RequestIdParamsSchema },
  responses: { 200: { description: 'the request', content: json(RequestStatusSchema) }, ...errorResponses(404) },
});

const requestEvents = createRoute({
  method: 'get',
  path: '/api/requests/{id}/events',
  summary: "The request's events as Server-Sent Events: one AgentEvent (JSON) per message, id = sequence number from 1; send Last-Event-ID to resume after it. Ends after the last event.",
  request: { params: RequestIdParamsSchema, headers: EventsHeadersSchema },
  responses: { 200: { description: 'an event stream', content: { 'text/event-stream': { schema: AgentEventSchema } } }, ...errorResponses(400, 404) },
});

const cancelRequest = createRoute({
  method: 'post',
  path: '/api/requests/{id}/cancel',
  summary: 'Stop a running request: it ends with a request-failed event and nothing half-done is saved; a finished request is left as it is',
  request: { params: RequestIdParamsSchema },
  responses: { 202: { description: 'the request as it is now (it ends shortly)', content: json(RequestStatusSchema) }, ...errorResponses(404) },
});

export function registerRequestRoutes(app: ApiApp, context: ServerContext): void {
  const { runner, toolsmith } = context;

  app.openapi(createRequest, async (c) => {
    const { request, sessionId, synthesis } = c.req.valid('json');
    runner.checkCapacity();
    // The session is settled before the request starts, so the 202 can name it and an unknown id is a 404.
    const session = sessionId === undefined ? await toolsmith.sessions.createSession() : await toolsmith.sessions.getSession({ id: sessionId });
    const settings = synthesis === undefined ? undefined : {
      ...(synthesis.sequential === undefined ? {} : { sequential: synthesis.sequential }),
      ...(synthesis.repairs === undefined ? {} : { repairAttempts: synthesis.repairs }),
    };
    const { requestId } = await runner.start({ request, sessionId: session.id, ...(settings === undefined ? {} : { synthesis: settings }) });
    const eventsUrl = `/api/requests/${encodeURIComponent(requestId)}/events`;
    return c.json({ requestId, sessionId: session.id, eventsUrl }, 202, { Location: `/api/requests/${encodeURIComponent(requestId)}` });
  });

  app.openapi(getRequest, (c) => c.json(runner.status({ requestId: c.req.valid('param').id }), 200));

  app.openapi(cancelRequest, (c) => c.json(runner.cancel({ requestId: c.req.valid('param').id }), 202));

  app.openapi(requestEvents, (c) => {
    const { id } = c.req.valid('param');
    const after = Number(c.req.valid('header')['last-event-id'] ?? '0');
    // Throws request_not_found before the stream opens, so that is a plain 404.
    runner.status({ requestId: id });
    return streamSSE(c, async (stream) => {
      const stop = new AbortController();
      stream.onAbort(() => stop.abort());
      for await (const { id: eventId, event } of runner.follow({ requestId: id, after, signal: stop.signal })) {
        await stream.writeSSE({ id: String(eventId), data: JSON.stringify(event) });
      }
    });
  });
}
