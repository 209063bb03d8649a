import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerRequests } from './worker-requests.ts';

/** A thread that answers every request with the heap limits it runs under. */
const LIMITS_WORKER = `
import { parentPort, resourceLimits } from 'node:worker_threads';
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, result: resourceLimits }));
`;

describe('createWorkerRequests', () => {
  let dir = '';
  let url: URL;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'toolsmith-worker-requests-'));
    const file = path.join(dir, 'limits-worker.mjs');
    await writeFile(file, LIMITS_WORKER);
    url = pathToFileURL(file);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts its thread with the heap limits it is given, and V8’s own without them', async () => {
    const failure = (reason: string) => new Error(reason);
    const limited = createWorkerRequests({ url, failure, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
    const plain = createWorkerRequests({ url, failure });
    const [withLimits, withoutLimits] = await Promise.all([
      limited.request<{ maxYoungGenerationSizeMb: number }>({}),
      plain.request<{ maxYoungGenerationSizeMb: number }>({}),
    ]);
    expect(withLimits.maxYoungGenerationSizeMb).toBe(2);
    expect(withoutLimits.maxYoungGenerationSizeMb).toBeGreaterThan(2);
  });
});
