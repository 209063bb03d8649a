import { describe, expect, it } from 'vitest';
import { ToolsmithError, systemError, userError } from '../errors.ts';
import { checkBindPolicy, isLoopbackHost } from './bind-policy.ts';
import { statusForError } from './http-errors.ts';

describe('the bind policy', () => {
  it('counts only loopback names and addresses as local', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', 'app.localhost']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', 'example.com', 'localhost.example.com', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses a non-loopback host without a token, naming TOOLSMITH_API_TOKEN', () => {
    const refused = (() => {
      try {
        checkBindPolicy({ host: '0.0.0.0' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(ToolsmithError.isInstance(refused) && refused.kind === 'user' && refused.code).toBe('api_token_required');
    expect(() => checkBindPolicy({ host: '0.0.0.0', token: 'secret' })).not.toThrow();
    expect(() => checkBindPolicy({ host: '127.0.0.1' })).not.toThrow();
  });
});

describe('the error → HTTP status table', () => {
  it('maps user errors to 400, their not-found codes to 404, model to 502, system to 503, anything else to 500', () => {
    expect(statusForError(userError('arguments_invalid', 'x'))).toBe(400);
    expect(statusForError(userError('tool_not_found', 'x'))).toBe(404);
    expect(statusForError(userError('session_not_found', 'x'))).toBe(404);
    expect(statusForError(new ToolsmithError({ kind: 'model', code: 'reply_invalid', message: 'x' }))).toBe(502);
    expect(statusForError(systemError('sandbox_unavailable', 'x'))).toBe(503);
    expect(statusForError(userError('server_busy', 'x'))).toBe(429);
    expect(statusForError(userError('body_too_large', 'x'))).toBe(413);
    expect(statusForError(userError('unauthorized', 'x'))).toBe(401);
    expect(statusForError(new Error('boom'))).toBe(500);
  });
});
