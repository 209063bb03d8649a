import { outcomeFromEvents, type Agent, type AgentError, type AgentEvent, type AgentRequest } from '../agent/index.ts';
import { ToolsmithError, describeError, userError } from '../errors.ts';
import type { RequestStatus } from '../api-contract/index.ts';

interface RunningRequest {
  requestId: string;
  sessionId: string;
  request: string;
  startedAt: Date;
  finishedAt?: Date;
  /** Every event so far; an event's SSE id is its index + 1. */
  events: AgentEvent[];
  done: boolean;
  /** Woken on each new event and at the end. */
  waiters: Set<() => void>;
  /** Stops this request alone (`cancel`). */
  stop: AbortController;
}

export interface RequestRunner {
  /**
   * Starts a request in the background and resolves once the agent has named it. The request runs
   * to its end whatever happens to the HTTP client; only `close` stops it. Throws `server_busy`
   * when `maxRunning` requests are already running.
   */
  start(options: { request: string; sessionId: string; synthesis?: AgentRequest['synthesis'] }): Promise<{ requestId: string }>;
  /** Stops a running request (it ends with a `request-failed` event); a finished one is left as it is. */
  cancel(options: { requestId: string }): RequestStatus;
  status(options: { requestId: string }): RequestStatus;
  /** The request's events after `after` (an SSE id), then each new one until the last. */
  follow(options: { requestId: string; after: number; signal?: AbortSignal }): AsyncIterable<{ id: number; event: AgentEvent }>;
  /** Resolves when the request has ended (tests, shutdown). */
  settled(options: { requestId: string }): Promise<void>;
  /** Throws `server_busy` when a request started now would be refused. */
  checkCapacity(): void;
  readonly running: number;
  /** Stops every running request and waits for them to end. */
  close(): Promise<void>;
}

/** How long a finished request's events stay readable: the most recent this many. */
const KEEP_FINISHED = 500;

export function createRequestRunner(options: { agent: Agent; maxRunning: number }): RequestRunner {
  const { agent, maxRunning } = options;
  const requests = new Map<string, RunningRequest>();
  const tasks = new Set<Promise<void>>();
  const shutdown = new AbortController();
  let running = 0;

  const find = (requestId: string): RunningRequest => {
    const found = requests.get(requestId);
    if (found === undefined) throw userError('request_not_found', `there is no request "${requestId}"`, 'use the requestId that POST /api/requests returned; finished requests are kept for a while only');
    return found;
  };

  const checkCapacity = () => {
    if (running < maxRunning) return;
    throw userError('server_busy', `${running} requests are already running, the most this server runs at once`, 'wait for one to finish and try again (see Retry-After)');
  };

  const wake = (entry: RunningRequest) => {
    const waiters = [...entry.waiters];
    entry.waiters.clear();
    for (const waiter of waiters) waiter();
  };

  const forgetOldest = () => {
    const finished = [...requests.values()].filter((entry) => entry.done);
    for (const entry of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) requests.delete(entry.requestId);
  };

  async function drain(entry: RunningRequest, iterator: AsyncIterator<AgentEvent>): Promise<void> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) break;
        entry.events.push(next.value);
        wake(entry);
      }
    } catch (error) {
      // `ask` never throws by contract; if it does, the request still ends with a failure event.
      entry.events.push(failureEvent(entry.requestId, error));
    } finally {
      entry.done = true;
      entry.finishedAt = new Date();
      running -= 1;
      wake(entry);
      forgetOldest();
    }
  }

  return {
    get running() {
      return running;
    },

    checkCapacity,

    async start({ request, sessionId, synthesis }) {
      checkCapacity();
      running += 1;
      const stop = new AbortController();
      const signal = AbortSignal.any([shutdown.signal, stop.signal]);
      const iterator = agent.ask({ request, sessionId, signal, ...(synthesis === undefined ? {} : { synthesis }) })[Symbol.asyncIterator]();
      let first: IteratorResult<AgentEvent>;
      try {
        first = await iterator.next();
      } catch (error) {
        running -= 1;
        throw error;
      }
      if (first.done === true) {
        running -= 1;
        throw userError('request_unfinished', 'the agent ended the request without an event');
      }
      const entry: RunningRequest = { requestId: first.value.requestId, sessionId, request, startedAt: new Date(first.value.at), events: [first.value], done: false, waiters: new Set(), stop };
      requests.set(entry.requestId, entry);
      const task = drain(entry, iterator);
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
      return { requestId: entry.requestId };
    },

    status({ requestId }) {
      const entry = find(requestId);
      const last = entry.events.at(-1);
      const base = {
        requestId: entry.requestId,
        sessionId: entry.sessionId,
        request: entry.request,
        startedAt: entry.startedAt.toISOString(),
        ...(entry.finishedAt === undefined ? {} : { finishedAt: entry.finishedAt.toISOString() }),
        eventCount: entry.events.length,
      };
      if (!entry.done) return { ...base, status: 'running' };
      if (last?.type === 'request-failed') return { ...base, status: 'failed', error: last.error };
      try {
        return { ...base, status: 'succeeded', outcome: outcomeFromEvents(entry.events) };
      } catch (error) {
        return { ...base, status: 'failed', error: agentErrorOf(error) };
      }
    },

    cancel({ requestId }) {
      const entry = find(requestId);
      if (!entry.done) entry.stop.abort();
      return this.status({ requestId });
    },

    async *follow({ requestId, after, signal }) {
      const entry = find(requestId);
      let next = after;
      for (;;) {
        while (next < entry.events.length) {
          const event = entry.events[next] as AgentEvent;
          next += 1;
          yield { id: next, event };
        }
        if (entry.done || signal?.aborted === true) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done);
            entry.waiters.delete(done);
            resolve();
          };
          entry.waiters.add(done);
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    },

    async settled({ requestId }) {
      const entry = find(requestId);
      while (!entry.done) await new Promise<void>((resolve) => entry.waiters.add(resolve));
    },

    async close() {
      shutdown.abort();
      await Promise.allSettled([...tasks]);
    },
  };
}

function agentErrorOf(error: unknown): AgentError {
  if (ToolsmithError.isInstance(error)) {
    return { kind: error.kind, code: error.code, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
  }
  return { kind: 'system', code: 'internal_error', message: describeError(error) };
}

function failureEvent(requestId: string, error: unknown): AgentEvent {
  return { type: 'request-failed', at: Date.now(), requestId, error: agentErrorOf(error) };
}
