import { describe, expect, it } from 'vitest';
import { createSentenceEncoder, SENTENCE_ENCODER_ID } from './sentence-encoder.ts';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe('the offline sentence encoder (Universal Sentence Encoder lite from npm)', () => {
  const encoder = createSentenceEncoder();

  it('embeds texts into 512-dimensional unit vectors, one per text, in order', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `text number ${i}`);
    const vectors = await encoder.embed({ texts });
    expect(encoder.id).toBe(SENTENCE_ENCODER_ID);
    expect(vectors).toHaveLength(20);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 4);
    }
    // Batching does not change a text's vector.
    const [alone] = await encoder.embed({ texts: ['text number 17'] });
    expect(dot(alone as Float32Array, vectors[17] as Float32Array)).toBeCloseTo(1, 4);
  }, 60_000);

  it('knows what words mean beyond their letters: headphones are closer to shopping than to weather', async () => {
    const [query, shop, weather] = await encoder.embed({
      texts: ['I need new headphones', 'Search products in online stores and compare their prices.', 'Current conditions and forecasts for any city.'],
    });
    expect(dot(query as Float32Array, shop as Float32Array)).toBeGreaterThan(dot(query as Float32Array, weather as Float32Array) + 0.05);
  }, 60_000);

  it('encodes in its own thread: concurrent calls get their own vectors, and the caller\'s event loop stays idle', async () => {
    const texts = Array.from({ length: 64 }, (_, i) => `convert the temperature reading number ${i} from celsius to fahrenheit and round it`);
    const [alone] = await encoder.embed({ texts: ['I need new headphones'] });
    const before = performance.eventLoopUtilization();
    const [many, [again]] = await Promise.all([encoder.embed({ texts }), encoder.embed({ texts: ['I need new headphones'] })]);
    const busy = performance.eventLoopUtilization(before);
    expect(many).toHaveLength(64);
    expect(dot(again as Float32Array, alone as Float32Array)).toBeCloseTo(1, 4);
    // 64 texts take a few hundred ms of model time, none of it on this thread (in-thread it was ~0.9).
    expect(busy.idle + busy.active).toBeGreaterThan(100);
    expect(busy.utilization).toBeLessThan(0.3);
  }, 60_000);

  it('stops with the signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(encoder.embed({ texts: ['anything'], signal: controller.signal })).rejects.toThrow('stopped');
  });
});
