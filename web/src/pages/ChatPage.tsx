import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, describeError, type SessionMessage } from '../api.ts';
import { ActivityLog } from '../components/ActivityLog.tsx';
import { isFinal, type AgentEvent } from '../events.ts';

const SESSION_KEY = 'toolsmith.sessionId';

const EXAMPLES = [
  'What is 15 percent of 300?',
  'Convert 10 miles to kilometers',
  'What day of the week was 1969-07-20?',
  'Slugify "Hello World, again!"',
  'Create a tool that reverses a string',
];

interface ChatMessage {
  key: string;
  role: 'user' | 'assistant' | 'error';
  text: string;
}

function readSessionId(): string | undefined {
  try {
    return window.localStorage.getItem(SESSION_KEY) ?? undefined;
  } catch {
    return undefined; // storage disabled: the session lasts as long as the page
  }
}

function writeSessionId(id: string | undefined): void {
  try {
    if (id === undefined) window.localStorage.removeItem(SESSION_KEY);
    else window.localStorage.setItem(SESSION_KEY, id);
  } catch {
    // storage disabled; nothing to keep
  }
}

const fromHistory = (message: SessionMessage): ChatMessage | undefined =>
  message.role === 'tool' ? undefined : { key: `h${message.id}`, role: message.role, text: message.content };

export function ChatPage() {
  const [sessionId, setSessionId] = useState(readSessionId);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [events, setEvents] = useState<AgentEvent[]>([]);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const source = useRef<EventSource | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const transcript = useRef<HTMLOListElement>(null);

  // The session survives a reload: its earlier messages come back from the server.
  useEffect(() => {
    if (sessionId === undefined) return;
    let cancelled = false;
    api
      .messages(sessionId)
      .then(({ messages: history }) => {
        if (!cancelled) setMessages(history.flatMap((message) => fromHistory(message) ?? []));
      })
      .catch(() => {
        // The session is gone (another database, or deleted): start afresh.
        if (!cancelled) {
          writeSessionId(undefined);
          setSessionId(undefined);
        }
      });
    return () => {
      cancelled = true;
    };
    // Only on first load; later messages are added as they happen.
  }, []);

  useEffect(() => () => source.current?.close(), []);

  useEffect(() => {
    const list = transcript.current;
    if (list !== null) list.scrollTop = list.scrollHeight;
  }, [messages]);

  const add = (message: Omit<ChatMessage, 'key'>) => setMessages((list) => [...list, { ...message, key: `m${list.length}-${Date.now()}` }]);

  const follow = useCallback((eventsUrl: string, requestId: string) => {
    source.current?.close();
    const stream = new EventSource(eventsUrl);
    source.current = stream;
    const finish = () => {
      stream.close();
      if (source.current === stream) source.current = null;
      setBusy(false);
      input.current?.focus();
    };
    stream.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as AgentEvent;
      setEvents((list) => [...list, event]);
      if (event.type === 'answer-generated') add({ role: 'assistant', text: event.text });
      if (event.type === 'request-failed') add({ role: 'error', text: `${event.error.message}${event.error.hint === undefined ? '' : ` (${event.error.hint})`}` });
      if (isFinal(event)) finish();
    };
    // EventSource reconnects by itself (sending Last-Event-ID); stop only when the request is over or gone.
    stream.onerror = () => {
      api
        .requestStatus(requestId)
        .then((status) => {
          if (status.status !== 'running') finish();
        })
        .catch((error: unknown) => {
          add({ role: 'error', text: describeError(error) });
          finish();
        });
    };
  }, []);

  const ask = async (text: string) => {
    const request = text.trim();
    if (request === '' || busy) return;
    setBusy(true);
    setDraft('');
    setEvents([]);
    add({ role: 'user', text: request });
    try {
      const accepted = await api.startRequest({ request, ...(sessionId === undefined ? {} : { sessionId }) });
      setSessionId(accepted.sessionId);
      writeSessionId(accepted.sessionId);
      follow(accepted.eventsUrl, accepted.requestId);
    } catch (error) {
      add({ role: 'error', text: describeError(error) });
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask(draft);
  };

  // Enter sends, Shift+Enter makes a new line.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void ask(draft);
    }
  };

  const newChat = () => {
    source.current?.close();
    writeSessionId(undefined);
    setSessionId(undefined);
    setMessages([]);
    setEvents([]);
    setBusy(false);
    input.current?.focus();
  };

  return (
    <div className="chat-layout">
      <section className="chat" aria-labelledby="chat-title">
        <div className="section-head">
          <h1 id="chat-title">Ask Toolsmith</h1>
          <button type="button" className="secondary" onClick={newChat}>
            New chat
          </button>
        </div>
        <ol className="transcript" ref={transcript} aria-live="polite" aria-label="Conversation">
          {messages.length === 0 && <li className="hint">Ask for something a small function can do. Toolsmith finds a tool, or writes, tests and sandboxes a new one.</li>}
          {messages.map((message) => (
            <li key={message.key} className={`message ${message.role}`} data-testid={message.role === 'assistant' ? 'answer' : undefined}>
              <span className="visually-hidden">{message.role === 'user' ? 'You:' : message.role === 'assistant' ? 'Toolsmith:' : 'Error:'}</span>
              {message.text}
            </li>
          ))}
        </ol>
        <form className="ask" onSubmit={submit}>
          <label htmlFor="request" className="visually-hidden">
            Your request
          </label>
          <textarea id="request" ref={input} rows={2} value={draft} placeholder="What is 15 percent of 300?" onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} autoFocus />
          <button type="submit" disabled={busy || draft.trim() === ''}>
            {busy ? 'Working…' : 'Ask'}
          </button>
        </form>
        <div className="examples" role="group" aria-label="Example requests">
          {EXAMPLES.map((example) => (
            <button key={example} type="button" className="chip" disabled={busy} onClick={() => void ask(example)}>
              {example}
            </button>
          ))}
        </div>
        {sessionId !== undefined && <p className="muted small">Session {sessionId}</p>}
      </section>
      <ActivityLog events={events} running={busy} />
    </div>
  );
}
