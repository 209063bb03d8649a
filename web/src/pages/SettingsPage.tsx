import { useEffect, useState } from 'react';
import { api, describeError, type Settings } from '../api.ts';

/** What the server runs with; secrets (keys, the API token) are never sent, only whether auth is on. */
export function SettingsPage() {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    api.settings().then(setSettings, (failure: unknown) => setError(describeError(failure)));
  }, []);
  return (
    <section className="page" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      {error !== undefined && <p role="alert" className="error-text">{error}</p>}
      {settings === undefined && error === undefined && <p className="muted">Loading…</p>}
      {settings !== undefined && (
        <>
          <dl className="settings">
            <dt>Model</dt>
            <dd>{settings.model ?? 'none configured (answers from templates; no new tools)'}</dd>
            <dt>Embedder</dt>
            <dd>{settings.embedder}</dd>
            <dt>Sentence encoder</dt>
            <dd>{settings.sentenceEncoder === 'off' ? 'off (words and word vectors only)' : 'Universal Sentence Encoder lite (offline)'}</dd>
            <dt>Database</dt>
            <dd>{settings.database === 'pglite' ? 'embedded PGlite (in TOOLSMITH_HOME)' : 'PostgreSQL (DATABASE_URL)'}</dd>
            <dt>API authentication</dt>
            <dd>{settings.auth === 'token' ? 'bearer token' : 'none (loopback only)'}</dd>
            <dt>Requests at once</dt>
            <dd>{settings.maxRunningRequests}</dd>
            <dt>Largest request body</dt>
            <dd>{Math.round(settings.maxBodyBytes / 1024)} KiB</dd>
          </dl>
          <p className="muted small">These come from environment variables (TOOLSMITH_MODEL, TOOLSMITH_EMBEDDER, TOOLSMITH_SENTENCE_ENCODER, DATABASE_URL) read when the server starts; change them there and restart.</p>
        </>
      )}
    </section>
  );
}
