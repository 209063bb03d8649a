import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults home to ./.toolsmith resolved, the embedder to word vectors and the sentence encoder on, with no database url or cache dir', () => {
    expect(loadConfig({})).toEqual({ home: path.resolve('.toolsmith'), embedder: 'word-vectors', sentenceEncoder: 'use-lite', debug: false });
  });

  it('turns the sentence encoder off with TOOLSMITH_SENTENCE_ENCODER=off, and refuses other values by name', () => {
    expect(loadConfig({ TOOLSMITH_SENTENCE_ENCODER: 'off' }).sentenceEncoder).toBe('off');
    expect(() => loadConfig({ TOOLSMITH_SENTENCE_ENCODER: 'bert' })).toThrow(/TOOLSMITH_SENTENCE_ENCODER must be "use-lite" or "off"/);
  });

  it('reads every variable and resolves paths', () => {
    const config = loadConfig({
      TOOLSMITH_HOME: 'some/home',
      DATABASE_URL: 'postgres://x/y',
      TOOLSMITH_CACHE_DIR: 'cache',
      TOOLSMITH_DEBUG: '1',
      TOOLSMITH_EMBEDDER: 'openai:text-embedding-3-small',
      TOOLSMITH_EMBEDDER_BASE_URL: 'http://127.0.0.1:8080/v1',
      TOOLSMITH_EMBEDDER_API_KEY: 'k1',
      TOOLSMITH_EMBEDDER_DIMENSIONS: '512',
      OPENAI_API_KEY: 'k2',
    });
    expect(config).toEqual({
      home: path.resolve('some/home'),
      databaseUrl: 'postgres://x/y',
      cacheDir: path.resolve('cache'),
      embedder: 'openai:text-embedding-3-small',
      embedderBaseUrl: 'http://127.0.0.1:8080/v1',
      embedderApiKey: 'k1',
      embedderDimensions: 512,
      sentenceEncoder: 'use-lite',
      openaiApiKey: 'k2',
      debug: true,
    });
  });

  it('treats empty variables as unset and only "1" as debug', () => {
    expect(loadConfig({ TOOLSMITH_HOME: '', DATABASE_URL: ' ', TOOLSMITH_EMBEDDER: '', TOOLSMITH_DEBUG: 'true' })).toEqual({
      home: path.resolve('.toolsmith'),
      embedder: 'word-vectors',
      sentenceEncoder: 'use-lite',
      debug: false,
    });
  });

  it('refuses an unknown embedder, a bad base URL and non-numeric dimensions, naming each', () => {
    const error = (() => {
      try {
        loadConfig({ TOOLSMITH_EMBEDDER: 'cohere:embed', TOOLSMITH_EMBEDDER_BASE_URL: 'not a url', TOOLSMITH_EMBEDDER_DIMENSIONS: 'many' });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toMatchObject({ kind: 'user', code: 'config_invalid' });
    const problems = (error as { details: { problems: string[] } }).details.problems;
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['embedder', 'embedderBaseUrl', 'embedderDimensions']);
  });
});
