/** Test support for the in-memory copies (`embedding-index.ts`, `text-index.ts`): a fresh embedded store per test, and polling. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openToolStore, type ToolStore } from './store/index.ts';

/** Called inside a `describe`: each test gets an embedded store in a new temp folder, removed after it. */
export function useScratchStore(prefix: string): { readonly store: ToolStore; readonly home: string } {
  let opened: { store: ToolStore; home: string; close: () => Promise<void> } | undefined;
  beforeEach(async () => {
    const home = await mkdtemp(path.join(tmpdir(), prefix));
    opened = { home, ...(await openToolStore({ dataDir: home })) };
  });
  afterEach(async () => {
    await opened?.close();
    if (opened !== undefined) await rm(opened.home, { recursive: true, force: true });
    opened = undefined;
  });
  const current = () => {
    if (opened === undefined) throw new Error('useScratchStore: the store exists only inside a test');
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get home() {
      return current().home;
    },
  };
}

/** Polls until `probe` gives a value (background loads and saves take a moment); fails after ~4 s. */
export async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting');
}
