import { instantiateKernel, WASM_PAGE } from './wasm-kernel.ts';

/**
 * Dense layers (`rows × weights + bias`, optionally ReLU) computed in int16 by our own WebAssembly
 * kernel (`int16-matmul.wat`), for the sentence encoder's forward pass.
 *
 * The encoder's time is its matrix products, and they were compute-bound in the f32 kernels
 * (time grew with the tokens, not the weights read). `i32x4.dot_i16x8_s` does eight multiply-adds
 * an instruction against float SIMD's two, so the same products take about half the time.
 * Weights are scaled per output column and inputs per row to 14 bits: outputs differ from f32 by
 * ~1e-4 relative, and a sentence vector's cosine with the f32 one is above 0.99999.
 */
export interface Int16Dense {
  readonly inputs: number;
  readonly outputs: number;
  /** The first `count` rows of `rows` (each `inputs` wide) through the layer: `count × outputs` values. */
  apply(rows: Float32Array, count: number, activation?: 'linear' | 'relu'): Float32Array;
}

export interface Int16Kernels {
  /** Packs `weights` (`inputs × outputs`, row-major) and `bias` (`outputs`) into the kernel's memory, once. */
  dense(options: { weights: ArrayLike<number>; inputs: number; outputs: number; bias: ArrayLike<number> }): Int16Dense;
}

interface KernelExports {
  dense(a: number, b: number, out: number, rowPairs: number, kPairs: number, nBlocks: number, rowScales: number, colScales: number, bias: number, relu: number): void;
  quantize(src: number, dst: number, scales: number, rows: number, width: number): void;
}

/** Largest magnitude a quantized value takes (14 bits): see the kernel's note on overflow. */
const LEVELS = 8191;
/** Inputs come in multiples of 8 (the quantizer's step), outputs of 16 (the kernel's column block). */
const INPUT_STEP = 8;
const OUTPUT_STEP = 16;
/**
 * Kernels with their own memory and scratch for up to `maxRows` rows `maxWidth` wide (inputs and
 * outputs alike).
 *
 * @example
 * const kernels = createInt16Kernels({ maxRows: 128, maxWidth: 512 });
 * const layer = kernels.dense({ weights, inputs: 256, outputs: 512, bias });
 * const out = layer.apply(rows, 3, 'relu'); // 3 × 512
 */
export function createInt16Kernels(options: { maxRows: number; maxWidth: number }): Int16Kernels {
  const { maxRows, maxWidth } = options;
  if (!Number.isInteger(maxRows) || maxRows < 1 || !Number.isInteger(maxWidth) || maxWidth < 1) {
    throw new Error(`int16 kernels need positive whole maxRows and maxWidth, got ${maxRows} and ${maxWidth}`);
  }
  const { memory, exports: kernel } = instantiateKernel<KernelExports>('int16-matmul.wasm', 0);
  let top = 0;
  /** Bump allocation, 64-byte aligned; layers are packed once and never freed. */
  const allocate = (bytes: number): number => {
    const at = top;
    top += Math.ceil(bytes / 64) * 64;
    const short = top - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / WASM_PAGE));
    return at;
  };
  // One row more than asked: the kernel takes rows in pairs, and an odd count gets a zero row.
  const paddedRows = maxRows + 1;
  const inputAt = allocate(paddedRows * maxWidth * 4);
  const quantizedAt = allocate(paddedRows * maxWidth * 2);
  const rowScalesAt = allocate(paddedRows * 4);
  const outputAt = allocate(paddedRows * maxWidth * 4);

  return {
    dense({ weights, inputs, outputs, bias }) {
      if (inputs % INPUT_STEP !== 0 || outputs % OUTPUT_STEP !== 0 || inputs > maxWidth || outputs > maxWidth || inputs < 1 || outputs < 1) {
        throw new Error(`an int16 dense layer takes inputs in multiples of ${INPUT_STEP} and outputs of ${OUTPUT_STEP}, at most ${maxWidth}; got ${inputs} × ${outputs}`);
      }
      if (weights.length !== inputs * outputs || bias.length !== outputs) {
        throw new Error(`an int16 dense layer of ${inputs} × ${outputs} needs ${inputs * outputs} weights and ${outputs} biases; got ${weights.length} and ${bias.length}`);
      }
      const columnScales = new Float32Array(outputs);
      for (let row = 0; row < inputs; row++) {
        for (let column = 0; column < outputs; column++) columnScales[column] = Math.max(columnScales[column] ?? 0, Math.abs(weights[row * outputs + column] ?? 0));
      }
      for (let column = 0; column < outputs; column++) columnScales[column] = (columnScales[column] ?? 0) / LEVELS;
      const packedAt = allocate(inputs * outputs * 2);
      const scalesAt = allocate(outputs * 4);
      const biasAt = allocate(outputs * 4);
      // Per block of 16 columns, per pair of input rows: 16 columns × the pair (the kernel's dot step).
      const packed = new Int16Array(memory.buffer, packedAt, inputs * outputs);
      let at = 0;
      for (let block = 0; block < outputs / OUTPUT_STEP; block++) {
        for (let pair = 0; pair < inputs / 2; pair++) {
          for (let c = 0; c < OUTPUT_STEP; c++) {
            const column = block * OUTPUT_STEP + c;
            const scale = columnScales[column] ?? 0;
            for (let half = 0; half < 2; half++) {
              const value = weights[(pair * 2 + half) * outputs + column] ?? 0;
              packed[at++] = scale === 0 ? 0 : Math.round(value / scale);
            }
          }
        }
      }
      new Float32Array(memory.buffer, scalesAt, outputs).set(columnScales);
      new Float32Array(memory.buffer, biasAt, outputs).set(Float32Array.from(bias));

      return {
        inputs,
        outputs,
        apply(rows, count, activation = 'linear') {
          if (!Number.isInteger(count) || count < 1 || count > maxRows || rows.length < count * inputs) {
            throw new Error(`an int16 dense layer takes 1 to ${maxRows} rows of ${inputs}; got ${count} rows in ${rows.length} values`);
          }
          new Float32Array(memory.buffer, inputAt, count * inputs).set(rows.subarray(0, count * inputs));
          kernel.quantize(inputAt, quantizedAt, rowScalesAt, count, inputs);
          const even = count + (count % 2);
          if (even > count) {
            new Int16Array(memory.buffer, quantizedAt + count * inputs * 2, inputs).fill(0);
            new Float32Array(memory.buffer, rowScalesAt + count * 4, 1)[0] = 0;
          }
          kernel.dense(quantizedAt, packedAt, outputAt, even / 2, inputs / 2, outputs / OUTPUT_STEP, rowScalesAt, scalesAt, biasAt, activation === 'relu' ? 1 : 0);
          return new Float32Array(memory.buffer, outputAt, count * outputs).slice();
        },
      };
    },
  };
}
