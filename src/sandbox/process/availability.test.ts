import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolsmithError } from '../../errors.ts';
import { DEFAULT_LIMITS } from '../types.ts';
import { createProcessBackend } from './process-backend.ts';
import { processPackage } from './test-package.ts';

const pkg = processPackage({ source: 'export function probe() { return 1; }' });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'toolsmith-availability-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(run: () => Promise<unknown>): Promise<ToolsmithError> {
  try {
    await run();
  } catch (error) {
    if (ToolsmithError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the run to be refused');
}

describe('process backend availability', () => {
  it('refuses with sandbox_unavailable when bubblewrap is missing, never running unconfined', async () => {
    const backend = createProcessBackend({ bwrapPath: join(dir, 'no-such-bwrap') });
    for (const run of [() => backend.call({ pkg, args: {}, limits: DEFAULT_LIMITS }), () => backend.verify({ pkg, limits: DEFAULT_LIMITS })]) {
      const error = await failure(run);
      expect(error).toMatchObject({ kind: 'system', code: 'sandbox_unavailable' });
      expect(error.message).toMatch(/bubblewrap \(bwrap\) is required to run process tools/);
      expect(error.hint).toContain('apt-get install bubblewrap');
    }
  });

  it('refuses with the stderr when bubblewrap cannot create the sandbox', async () => {
    // A stand-in that fails the way bwrap does when unprivileged user namespaces are disabled.
    const fake = join(dir, 'bwrap-no-userns');
    await writeFile(fake, "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n");
    await chmod(fake, 0o755);
    const backend = createProcessBackend({ bwrapPath: fake });
    const error = await failure(() => backend.call({ pkg, args: {}, limits: DEFAULT_LIMITS }));
    expect(error).toMatchObject({ kind: 'system', code: 'sandbox_unavailable' });
    expect(error.message).toContain('No permissions to create new namespace');
    expect(error.hint).toMatch(/user namespaces/);
  });
});
