import type { SessionStore } from './memory/session-store-port.ts';

export interface RequestContext {
  sessionId: string;
  /** The sliding window of earlier messages, oldest first. */
  recent: Array<{ role: 'user' | 'assistant' | 'tool'; content: string }>;
  /** The session's last tool result, which "that" or "it" may point to. */
  previousResult?: { value: unknown };
}

/**
 * Step 1: the session the request belongs to (a new one when none is named), its recent messages
 * and its last tool result, read before the request itself is remembered.
 */
export async function loadContext(options: { sessions: SessionStore; sessionId?: string; request: string; window: number }): Promise<RequestContext> {
  const { sessions, request, window } = options;
  // An unknown id throws session_not_found: continuing a session that is not there is the caller's mistake.
  const session = options.sessionId === undefined ? await sessions.createSession() : await sessions.getSession({ id: options.sessionId });
  const [messages, last] = await Promise.all([
    sessions.recentMessages({ sessionId: session.id, limit: window }),
    sessions.lastToolResult({ sessionId: session.id }),
  ]);
  await sessions.appendMessage({ sessionId: session.id, message: { role: 'user', content: request } });
  return {
    sessionId: session.id,
    recent: messages.map((message) => ({ role: message.role, content: message.content })),
    ...(last === undefined ? {} : { previousResult: { value: last.result } }),
  };
}
