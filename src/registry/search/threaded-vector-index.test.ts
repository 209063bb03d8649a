import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createSentenceEncoder } from './sentence-encoder.ts';
import { createThreadedVectorIndex, type ThreadedVectorIndex } from './threaded-vector-index.ts';

const axis = (dimensions: number, at: number) => Float32Array.from({ length: dimensions }, (_, i) => (i === at ? 1 : 0.05));

describe('a vector index in its own thread, fed a query vector by another thread', () => {
  let index: ThreadedVectorIndex | undefined;
  afterEach(() => index?.close());

  const filled = async (dimensions: number) => {
    const made = createThreadedVectorIndex({ dimensions });
    await made.apply({ upserts: Array.from({ length: dimensions }, (_, at) => ({ name: `tool_${at}`, vector: axis(dimensions, at) })), removals: [] });
    index = made;
    return made;
  };

  it('scans for the vector that arrives on the port, and other requests need not wait for it', async () => {
    const made = await filled(8);
    const { port1, port2 } = new MessageChannel();
    const forwarded = made.nearestFrom({ port: port2, limit: 2 });
    // Asked after, answered first: the forwarded scan joins the queue only once its vector comes.
    const direct = await made.nearest(axis(8, 5), 1);
    expect(direct.map((hit) => hit.name)).toEqual(['tool_5']);
    port1.postMessage({ vector: axis(8, 3) });
    const { hits, similarities } = await forwarded;
    expect(hits[0]?.name).toBe('tool_3');
    expect(hits).toHaveLength(2);
    expect(similarities.size).toBe(0);
  });

  it('answers the similarities of the names it is given with the same scan, a vector sent before its port included', async () => {
    const made = await filled(8);
    const { port1, port2 } = new MessageChannel();
    // The vector is on the channel before the thread has the port: it waits there.
    port1.postMessage({ vector: axis(8, 6) });
    const { hits, similarities } = await made.nearestFrom({ port: port2, limit: 1, known: ['tool_1', 'tool_6', 'no_such_tool'] });
    expect(hits.map((hit) => hit.name)).toEqual(['tool_6']);
    const expected = await made.similarities(axis(8, 6), ['tool_1', 'tool_6']);
    expect([...similarities.keys()]).toEqual(['tool_1', 'tool_6']);
    expect(similarities.get('tool_1')).toBeCloseTo(expected.get('tool_1') ?? Number.NaN, 6);
    const direct = await made.nearestWith({ query: axis(8, 2), limit: 2, known: ['tool_2', 'tool_7'] });
    expect(direct.hits[0]?.name).toBe('tool_2');
    expect([...direct.similarities.keys()]).toEqual(['tool_2', 'tool_7']);
    expect(direct.similarities.get('tool_2')).toBeCloseTo(direct.hits[0]?.similarity ?? Number.NaN, 6);
  });

  it('fails with the sender\'s reason, or when the port closes with nothing sent', async () => {
    const made = await filled(4);
    const failing = new MessageChannel();
    const refused = made.nearestFrom({ port: failing.port2, limit: 1 });
    failing.port1.postMessage({ error: 'the model could not load' });
    await expect(refused).rejects.toThrow(/the model could not load/);
    const closing = new MessageChannel();
    const abandoned = made.nearestFrom({ port: closing.port2, limit: 1 });
    closing.port1.close();
    await expect(abandoned).rejects.toThrow(/never came/);
    // The index still answers afterwards.
    expect((await made.nearest(axis(4, 2), 1))[0]?.name).toBe('tool_2');
  });

  it('gets its query straight from the sentence encoder\'s thread, the same vector the caller gets', async () => {
    const encoder = createSentenceEncoder();
    const texts = ['convert miles to kilometres', 'count the words in a text', 'average of some numbers', 'parse a CSV file'];
    const vectors = await encoder.embed({ texts });
    const made = createThreadedVectorIndex({ dimensions: encoder.dimensions });
    index = made;
    await made.apply({ upserts: texts.map((text, i) => ({ name: `tool_${i}`, vector: vectors[i] ?? new Float32Array(encoder.dimensions) })), removals: [] });
    const { port1, port2 } = new MessageChannel();
    const forwarded = made.nearestFrom({ port: port2, limit: 4 });
    const vector = await encoder.embedForwarding({ text: 'how many words are in this paragraph', port: port1 });
    const { hits } = await forwarded;
    expect(hits[0]?.name).toBe('tool_1');
    expect(hits.map((hit) => hit.name)).toEqual((await made.nearest(vector, 4)).map((hit) => hit.name));
    // An aborted request closes the port, so the scan waiting on it gives up instead of hanging.
    const aborted = new MessageChannel();
    const waiting = made.nearestFrom({ port: aborted.port2, limit: 1 });
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(encoder.embedForwarding({ text: 'anything', port: aborted.port1, signal: controller.signal })).rejects.toThrow('stopped');
    await expect(waiting).rejects.toThrow(/never came/);
  }, 60_000);
});
