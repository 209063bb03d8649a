import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../../errors.ts';
import { openToolStore } from '../../registry/store/index.ts';
import { bindArguments } from '../bind-arguments.ts';
import { resolveReferences } from '../resolve-references.ts';
import { reverseStringManifest } from '../test-support/starter-manifests.ts';
import { createSessionStore } from './postgres-session-store.ts';
import type { SessionStore } from './session-store-port.ts';

let dataDir: string;
let close: () => Promise<void>;
let sessions: SessionStore;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'toolsmith-sessions-'));
  const opened = await openToolStore({ dataDir });
  close = opened.close;
  sessions = createSessionStore({ sql: opened.sql });
});

afterAll(async () => {
  await close();
  await rm(dataDir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  return ToolsmithError.isInstance(error) ? error.code : undefined;
}

describe('the Postgres session store on PGlite', () => {
  it('creates sessions with short readable ids and finds them again', async () => {
    const session = await sessions.createSession({ title: 'Units' });
    expect(session.id).toMatch(/^[a-z2-9]{8}$/);
    expect(await sessions.getSession({ id: session.id })).toEqual(session);
    expect(await codeOf(sessions.getSession({ id: 'nope' }))).toBe('session_not_found');
  });

  it('names an untitled session after its first user message', async () => {
    const { id } = await sessions.createSession();
    await sessions.appendMessage({ sessionId: id, message: { role: 'user', content: '  What is   15 percent of 300?' } });
    await sessions.appendMessage({ sessionId: id, message: { role: 'user', content: 'and of 400?' } });
    expect((await sessions.getSession({ id })).title).toBe('What is 15 percent of 300?');
  });

  it('keeps messages in order and returns the last ones as a window, oldest first', async () => {
    const { id } = await sessions.createSession();
    for (const n of [1, 2, 3, 4, 5]) await sessions.appendMessage({ sessionId: id, message: { role: n % 2 === 0 ? 'assistant' : 'user', content: `m${n}` } });
    expect((await sessions.recentMessages({ sessionId: id, limit: 3 })).map((message) => message.content)).toEqual(['m3', 'm4', 'm5']);
    expect((await sessions.recentMessages({ sessionId: id, limit: 10 })).length).toBe(5);
  });

  it('stores tool calls with their arguments and JSON result, and finds the last result that exists', async () => {
    const { id } = await sessions.createSession();
    expect(await sessions.lastToolResult({ sessionId: id })).toBeUndefined();
    await sessions.appendMessage({ sessionId: id, message: { role: 'tool', content: '{"mean": 2}', toolName: 'describe_numbers', toolVersion: '1.0.0', arguments: { numbers: [1, 2, 3] }, result: { mean: 2 } } });
    await sessions.appendMessage({ sessionId: id, message: { role: 'tool', content: 'null', toolName: 'json_query', toolVersion: '1.0.0', arguments: { json: 'null', path: '' }, result: null } });
    await sessions.appendMessage({ sessionId: id, message: { role: 'tool', content: 'failed: timeout', toolName: 'calculate', toolVersion: '1.0.0', arguments: { expression: '1' } } });
    const last = await sessions.lastToolResult({ sessionId: id });
    expect(last).toMatchObject({ role: 'tool', toolName: 'json_query', toolVersion: '1.0.0', arguments: { json: 'null', path: '' }, result: null });
    const [first] = await sessions.recentMessages({ sessionId: id, limit: 3 });
    expect(first).toMatchObject({ toolName: 'describe_numbers', arguments: { numbers: [1, 2, 3] }, result: { mean: 2 } });
  });

  it('lists sessions by latest activity with their message counts', async () => {
    const older = await sessions.createSession({ title: 'older' });
    const newer = await sessions.createSession({ title: 'newer' });
    await sessions.appendMessage({ sessionId: older.id, message: { role: 'user', content: 'bump' } });
    const listed = await sessions.listSessions();
    const ids = listed.map((session) => session.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(listed.find((session) => session.id === older.id)?.messageCount).toBe(1);
    expect(await sessions.listSessions({ limit: 1 })).toHaveLength(1);
  });

  it('refuses messages for unknown sessions and malformed messages as the caller\'s mistake', async () => {
    expect(await codeOf(sessions.appendMessage({ sessionId: 'missing1', message: { role: 'user', content: 'x' } }))).toBe('session_not_found');
    const { id } = await sessions.createSession();
    expect(await codeOf(sessions.appendMessage({ sessionId: id, message: { role: 'user', content: 'x', result: 1 } }))).toBe('message_invalid');
    expect(await codeOf(sessions.recentMessages({ sessionId: 'missing1', limit: 5 }))).toBe('session_not_found');
  });

  it('lets "now reverse that" bind s to the previous result', async () => {
    const { id } = await sessions.createSession();
    await sessions.appendMessage({ sessionId: id, message: { role: 'user', content: "reverse 'hello world'" } });
    await sessions.appendMessage({ sessionId: id, message: { role: 'tool', content: 'dlrow olleh', toolName: 'reverse_string', toolVersion: '1.0.0', arguments: { s: 'hello world' }, result: 'dlrow olleh' } });
    await sessions.appendMessage({ sessionId: id, message: { role: 'assistant', content: 'reverse_string(s: "hello world") → dlrow olleh' } });

    const previous = await sessions.lastToolResult({ sessionId: id });
    const resolution = resolveReferences({ request: 'now reverse that', ...(previous === undefined ? {} : { previousResult: { value: previous.result } }) });
    expect(resolution).toMatchObject({ resolved: true, request: 'now reverse ⟨that⟩', value: 'dlrow olleh' });
    const binding = bindArguments({ request: resolution.request, parameters: reverseStringManifest.parameters, ...(resolution.resolved ? { reference: { value: resolution.value } } : {}) });
    expect(binding).toEqual({ status: 'bound', args: { s: 'dlrow olleh' }, sources: { s: 'reference' } });
  });
});
