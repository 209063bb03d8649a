import { z } from 'zod';
import { systemError, userError } from '../../errors.ts';
import type { SqlClient } from '../../registry/store/index.ts';
import { newSessionId } from './session-id.ts';
import {
  MessageInputSchema,
  type Session,
  type SessionMessage,
  SessionMessageSchema,
  SessionSchema,
  type SessionSummary,
  SessionSummarySchema,
  type ToolResultMessage,
} from './session-schemas.ts';
import type { SessionStore } from './session-store-port.ts';

const TITLE_LENGTH = 60;
const MESSAGE_COLUMNS = 'id, session_id, role, content, tool_name, tool_version, arguments, result, result IS NOT NULL AS has_result, created_at';

interface SessionRow {
  id: string;
  title: string | null;
  created_at: Date;
  updated_at: Date;
  message_count?: number | string;
}

interface MessageRow {
  id: number | string;
  session_id: string;
  role: string;
  content: string;
  tool_name: string | null;
  tool_version: string | null;
  arguments: unknown;
  result: unknown;
  has_result: boolean;
  created_at: Date;
}

/**
 * The session store on the tool database (Postgres dialect: embedded PGlite or a server). Needs
 * migration 3 (`sessions`), which `openToolStore` applies.
 *
 * @example
 * const { sql } = await openToolStore({ dataDir });
 * const sessions = createSessionStore({ sql });
 */
export function createSessionStore(options: { sql: SqlClient }): SessionStore {
  const { sql } = options;

  async function getSession({ id }: { id: string }): Promise<Session> {
    const { rows } = await sql.query<SessionRow>('SELECT id, title, created_at, updated_at FROM sessions WHERE id = $1::text', [id]);
    const row = rows[0];
    if (row === undefined) throw sessionNotFound(id);
    return parse(SessionSchema, sessionFromRow(row), 'session');
  }

  return {
    async createSession(create = {}) {
      // Ids are random; a collision is astronomically rare but cheap to retry.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const { rows } = await sql.query<SessionRow>(
          'INSERT INTO sessions (id, title) VALUES ($1::text, $2::text) ON CONFLICT (id) DO NOTHING RETURNING id, title, created_at, updated_at',
          [newSessionId(), create.title ?? null],
        );
        const row = rows[0];
        if (row !== undefined) return parse(SessionSchema, sessionFromRow(row), 'session');
      }
      throw systemError('session_id_exhausted', 'could not find a free session id in 5 tries', 'try again');
    },

    getSession,

    async listSessions(list = {}) {
      const limit = Math.max(1, Math.min(list.limit ?? 50, 1000));
      const { rows } = await sql.query<SessionRow>(
        `SELECT s.id, s.title, s.created_at, s.updated_at, (SELECT count(*) FROM messages m WHERE m.session_id = s.id) AS message_count
           FROM sessions s ORDER BY s.updated_at DESC, s.created_at DESC LIMIT $1::int`,
        [limit],
      );
      return rows.map((row): SessionSummary => parse(SessionSummarySchema, { ...sessionFromRow(row), messageCount: Number(row.message_count ?? 0) }, 'session'));
    },

    async appendMessage({ sessionId, message }) {
      const checked = MessageInputSchema.safeParse(message);
      if (!checked.success) {
        throw userError('message_invalid', `cannot store the message: ${z.prettifyError(checked.error)}`, 'pass role, content and, for tool messages, toolName');
      }
      const input = checked.data;
      return sql.transaction(async (tx) => {
        const { rows } = await tx.query<MessageRow>(
          `INSERT INTO messages (session_id, role, content, tool_name, tool_version, arguments, result)
           SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::text::jsonb, $7::text::jsonb
            WHERE EXISTS (SELECT 1 FROM sessions WHERE id = $1::text)
           RETURNING ${MESSAGE_COLUMNS}`,
          [
            sessionId,
            input.role,
            input.content,
            input.toolName ?? null,
            input.toolVersion ?? null,
            input.arguments === undefined ? null : JSON.stringify(input.arguments),
            input.result === undefined ? null : JSON.stringify(input.result),
          ],
        );
        const row = rows[0];
        if (row === undefined) throw sessionNotFound(sessionId);
        const title = input.role === 'user' ? input.content.trim().replace(/\s+/g, ' ').slice(0, TITLE_LENGTH) : null;
        await tx.query('UPDATE sessions SET updated_at = greatest(clock_timestamp(), updated_at), title = COALESCE(title, $2::text) WHERE id = $1::text', [sessionId, title === '' ? null : title]);
        return messageFromRow(row);
      });
    },

    async recentMessages({ sessionId, limit }) {
      await getSession({ id: sessionId });
      const { rows } = await sql.query<MessageRow>(
        `SELECT * FROM (SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = $1::text ORDER BY id DESC LIMIT $2::int) recent ORDER BY id ASC`,
        [sessionId, Math.max(0, Math.floor(limit))],
      );
      return rows.map(messageFromRow);
    },

    async lastToolResult({ sessionId }) {
      await getSession({ id: sessionId });
      const { rows } = await sql.query<MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = $1::text AND role = 'tool' AND result IS NOT NULL ORDER BY id DESC LIMIT 1`,
        [sessionId],
      );
      const row = rows[0];
      return row === undefined ? undefined : (messageFromRow(row) as ToolResultMessage);
    },
  };
}

function sessionFromRow(row: SessionRow): Session {
  return { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at };
}

function messageFromRow(row: MessageRow): SessionMessage {
  return parse(
    SessionMessageSchema,
    {
      id: Number(row.id),
      sessionId: row.session_id,
      role: row.role,
      content: row.content,
      ...(row.tool_name === null ? {} : { toolName: row.tool_name }),
      ...(row.tool_version === null ? {} : { toolVersion: row.tool_version }),
      ...(row.arguments === null ? {} : { arguments: row.arguments }),
      // A JSON null result is a value; SQL NULL (no result) is told apart by has_result.
      ...(row.has_result ? { result: row.result } : {}),
      createdAt: row.created_at,
    },
    'message',
  );
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw systemError('store_row_invalid', `the session database holds an invalid ${what}: ${z.prettifyError(result.error)}`, 'restore the database from a backup', result.error);
  }
  return result.data;
}

function sessionNotFound(id: string) {
  return userError('session_not_found', `there is no session "${id}"`, 'list the sessions and pass one of their ids, or start a new session');
}
