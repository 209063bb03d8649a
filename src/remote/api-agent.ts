import { EventSourceParserStream } from 'eventsource-parser/stream';
import { collectOutcome, type Agent, type AgentEvent, type AgentRequest } from '../agent/index.ts';
import { describeError, systemError } from '../errors.ts';
import { AgentEventSchema, RequestAcceptedSchema, RequestStatusSchema } from '../api-contract/index.ts';
import type { ApiClient } from './api-client.ts';

/** Reconnections to a request's event stream that ended early (a restarted proxy, a dropped socket). */
const RESUME_ATTEMPTS = 3;
const RESUME_DELAY_MS = 250;

const isLast = (event: AgentEvent) => event.type === 'answer-generated' || event.type === 'request-failed';

/**
 * The Agent port over a running server: a request is posted to `/api/requests` and its events
 * are read from the server's event stream (resumed with Last-Event-ID if the stream drops).
 * Aborting the signal cancels the request on the server, which then ends it with
 * `request-failed`, so nothing half-done is saved there either. Unlike the local agent, `ask`
 * throws when the server cannot be reached or refuses the request (e.g. too many running).
 */
export function createApiAgent(options: { client: ApiClient }): Agent {
  const { client } = options;

  async function* ask(call: AgentRequest): AsyncGenerator<AgentEvent> {
    const { request, sessionId, signal, synthesis } = call;
    const settings = synthesis === undefined ? undefined : {
      ...(synthesis.sequential === undefined ? {} : { sequential: synthesis.sequential }),
      ...(synthesis.repairAttempts === undefined ? {} : { repairs: synthesis.repairAttempts }),
    };
    const accepted = await client.call({
      method: 'POST',
      path: '/api/requests',
      body: { request, ...(sessionId === undefined ? {} : { sessionId }), ...(settings === undefined ? {} : { synthesis: settings }) },
      schema: RequestAcceptedSchema,
      ...(signal === undefined ? {} : { signal }),
    });
    const cancel = () => {
      void client.call({ method: 'POST', path: `/api/requests/${encodeURIComponent(accepted.requestId)}/cancel`, schema: RequestStatusSchema }).catch(() => undefined);
    };
    if (signal?.aborted === true) cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      let lastId = 0;
      for (let attempt = 0; ; attempt += 1) {
        // The stream is not tied to `signal`: after a cancel the server still sends the closing event.
        const response = await client.open({ method: 'GET', path: accepted.eventsUrl, headers: lastId > 0 ? { 'last-event-id': String(lastId) } : {} });
        if (response.body === null) throw systemError('request_stream_failed', 'the server sent an empty event stream');
        const messages = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
        try {
          for await (const message of messages) {
            const event = AgentEventSchema.parse(JSON.parse(message.data)) as AgentEvent;
            lastId = Number(message.id ?? lastId + 1);
            yield event;
            if (isLast(event)) return;
          }
        } catch (error) {
          if (attempt >= RESUME_ATTEMPTS) throw streamFailed(client.url, error);
        }
        if (attempt >= RESUME_ATTEMPTS) throw streamFailed(client.url, new Error('the stream ended before the request did'));
        await new Promise((resolve) => setTimeout(resolve, RESUME_DELAY_MS));
      }
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  return {
    ask,
    run: ({ onEvent, ...call }) => collectOutcome(ask(call), onEvent),
  };
}

function streamFailed(url: string, cause: unknown) {
  return systemError('request_stream_failed', `lost the request's progress from the Toolsmith server at ${url}: ${describeError(cause)}`, 'the request may still be running there; see it in the web UI or GET /api/requests', cause);
}
