import { describe, expect, it } from 'vitest';
import { createInt16Kernels } from './int16-matmul.ts';

/** Deterministic values in [-1, 1) (a linear congruential generator), so a failure repeats. */
function values(count: number, seed: number): Float32Array {
  const out = new Float32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    out[i] = state / 2 ** 31 - 1;
  }
  return out;
}

/** The layer in doubles, plainly. */
function reference(rows: Float32Array, count: number, weights: Float32Array, inputs: number, outputs: number, bias: Float32Array, relu: boolean): Float64Array {
  const out = new Float64Array(count * outputs);
  for (let r = 0; r < count; r++) {
    for (let c = 0; c < outputs; c++) {
      let sum = bias[c] ?? 0;
      for (let k = 0; k < inputs; k++) sum += (rows[r * inputs + k] ?? 0) * (weights[k * outputs + c] ?? 0);
      out[r * outputs + c] = relu ? Math.max(sum, 0) : sum;
    }
  }
  return out;
}

describe('int16 dense layers', () => {
  it('match the layer in doubles to within int16 rounding, for odd and even rows, short and long inputs, with and without ReLU', () => {
    const kernels = createInt16Kernels({ maxRows: 9, maxWidth: 1536 });
    // 40 and 24 inputs leave a partial block of 16 k-pairs; 1536 is the encoder's widest.
    const shapes = [
      { inputs: 8, outputs: 16, count: 1 },
      { inputs: 24, outputs: 48, count: 2 },
      { inputs: 40, outputs: 32, count: 3 },
      { inputs: 256, outputs: 768, count: 9 },
      { inputs: 1536, outputs: 512, count: 7 },
    ];
    for (const [at, { inputs, outputs, count }] of shapes.entries()) {
      const weights = values(inputs * outputs, 11 + at);
      const bias = values(outputs, 23 + at);
      const rows = values(count * inputs, 37 + at);
      // A row of zeros must give the bias alone (its scale is 0, not a division by zero).
      if (count > 1) rows.fill(0, 0, inputs);
      const layer = kernels.dense({ weights, inputs, outputs, bias });
      for (const relu of [false, true]) {
        const actual = layer.apply(rows, count, relu ? 'relu' : 'linear');
        const expected = reference(rows, count, weights, inputs, outputs, bias, relu);
        expect(actual).toHaveLength(count * outputs);
        // Each product is off by at most ~1/8191 of the largest weight and input; summed over
        // the inputs at random, the error grows with their square root.
        const tolerance = (4 * Math.sqrt(inputs)) / 8191;
        let largest = 0;
        expected.forEach((value, i) => {
          largest = Math.max(largest, Math.abs(value - (actual[i] ?? Number.NaN)));
        });
        expect(largest, `${inputs} × ${outputs}, ${count} rows, relu ${relu}`).toBeLessThan(tolerance);
        if (relu) expect(Math.min(...actual)).toBe(0);
        if (count > 1) expect(Array.from(actual.subarray(0, outputs))).toEqual(Array.from(relu ? bias.map((value) => Math.max(value, 0)) : bias));
      }
    }
  });

  it('does not overflow its integer sums at the largest values, every input and weight at full scale', () => {
    const inputs = 1536;
    const outputs = 16;
    const kernels = createInt16Kernels({ maxRows: 2, maxWidth: inputs });
    const weights = new Float32Array(inputs * outputs).fill(-3);
    const layer = kernels.dense({ weights, inputs, outputs, bias: new Float32Array(outputs) });
    const out = layer.apply(new Float32Array(2 * inputs).fill(-5), 2);
    // Every value quantizes exactly (to ∓8191), so the sum is exact up to float rounding.
    for (const value of out) expect(value / (15 * inputs)).toBeCloseTo(1, 5);
  });

  it('refuses shapes and row counts it cannot take, saying what it takes', () => {
    const kernels = createInt16Kernels({ maxRows: 4, maxWidth: 64 });
    expect(() => kernels.dense({ weights: new Float32Array(12 * 16), inputs: 12, outputs: 16, bias: new Float32Array(16) })).toThrow(/multiples of 8.*got 12 × 16/);
    expect(() => kernels.dense({ weights: new Float32Array(8 * 128), inputs: 8, outputs: 128, bias: new Float32Array(128) })).toThrow(/at most 64/);
    expect(() => kernels.dense({ weights: new Float32Array(8), inputs: 8, outputs: 16, bias: new Float32Array(16) })).toThrow(/needs 128 weights/);
    const layer = kernels.dense({ weights: new Float32Array(8 * 16), inputs: 8, outputs: 16, bias: new Float32Array(16) });
    expect(() => layer.apply(new Float32Array(5 * 8), 5)).toThrow(/1 to 4 rows/);
    expect(() => layer.apply(new Float32Array(8), 2)).toThrow(/2 rows in 8 values/);
    expect(() => createInt16Kernels({ maxRows: 0, maxWidth: 8 })).toThrow(/positive whole/);
  });
});
