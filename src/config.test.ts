import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults home to ./.toolsmith resolved, with no database url or cache dir', () => {
    expect(loadConfig({})).toEqual({ home: path.resolve('.toolsmith'), debug: false });
  });

  it('reads every variable and resolves paths', () => {
    const config = loadConfig({ TOOLSMITH_HOME: 'some/home', DATABASE_URL: 'postgres://x/y', TOOLSMITH_CACHE_DIR: 'cache', TOOLSMITH_DEBUG: '1' });
    expect(config).toEqual({ home: path.resolve('some/home'), databaseUrl: 'postgres://x/y', cacheDir: path.resolve('cache'), debug: true });
  });

  it('treats empty variables as unset and only "1" as debug', () => {
    expect(loadConfig({ TOOLSMITH_HOME: '', DATABASE_URL: ' ', TOOLSMITH_DEBUG: 'true' })).toEqual({ home: path.resolve('.toolsmith'), debug: false });
  });
});
