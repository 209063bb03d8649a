import type { MessageInput, Session, SessionMessage, SessionSummary, ToolResultMessage } from './session-schemas.ts';

/**
 * The agent's conversation memory: sessions and their messages, so a request can build on earlier
 * ones ("now reverse that"). An unknown session id is the caller's mistake (`session_not_found`).
 *
 * @example
 * const sessions = createSessionStore({ sql });
 * const { id } = await sessions.createSession();
 * await sessions.appendMessage({ sessionId: id, message: { role: 'user', content: 'reverse "hello"' } });
 * await sessions.appendMessage({ sessionId: id, message: { role: 'tool', content: 'olleh', toolName: 'reverse_string', toolVersion: '1.0.0', arguments: { s: 'hello' }, result: 'olleh' } });
 * (await sessions.lastToolResult({ sessionId: id }))?.result; // 'olleh'
 */
export interface SessionStore {
  /** A new empty session; without a title, the first user message names it. */
  createSession(options?: { title?: string }): Promise<Session>;
  getSession(options: { id: string }): Promise<Session>;
  /** Sessions with their message counts, most recently active first. */
  listSessions(options?: { limit?: number }): Promise<SessionSummary[]>;
  appendMessage(options: { sessionId: string; message: MessageInput }): Promise<SessionMessage>;
  /** The last `limit` messages, oldest first: the window the agent reads as context. */
  recentMessages(options: { sessionId: string; limit: number }): Promise<SessionMessage[]>;
  /** The latest tool message that returned a value, if any. */
  lastToolResult(options: { sessionId: string }): Promise<ToolResultMessage | undefined>;
}
