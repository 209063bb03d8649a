import { createInt16Kernels, type Int16Dense } from './int16-matmul.ts';

/**
 * USE-lite's forward pass for one text, written out over the model's own weights.
 *
 * The package runs the model as a TensorFlow graph (`GraphModel.executeAsync`): ~250 nodes, most of
 * them shape bookkeeping for sparse batched input, each dispatched through tfjs's executor. For one
 * query that bookkeeping cost more than the arithmetic (~10 ms of CPU a query, of which the matrix
 * products were ~3.5). Here the eleven matrix products run in our int16 kernels
 * (`int16-matmul.ts`, about twice the speed of the backend's f32 ones); everything between them
 * (layer norms, four-head attention over a few tokens, pooling) is a few thousand flops in plain
 * loops. Same weights; outputs within ~2e-4 of the graph's (cosine above 0.99999, checked in the
 * tests), at about a quarter of the graph's CPU.
 *
 * The architecture, as the graph has it: token embeddings (counted twice: the graph adds the
 * timing-signal block's output, which already includes them, to them again) plus sinusoidal
 * positions; two transformer layers (pre-norm, 4 heads, ReLU feed-forward; the first widens 256 →
 * 512 and projects its residual); mean over tokens; a tanh layer; unit length.
 */

/**
 * The little of a tfjs tensor this module reads. Declared here because `@energetic-ai/core`'s
 * declarations re-export `@tensorflow/tfjs-core`'s, which it does not install, so they resolve to nothing.
 */
export interface Tensor {
  readonly shape: readonly number[];
  dataSync(): ArrayLike<number>;
}

/** Longest input the model reads; later tokens are dropped, as the graph's `ClipToMaxLength` does. */
const MAX_TOKENS = 128;
const HEADS = 4;
const LAYER_NORM_EPSILON = 1e-6;
const OUTPUT_DIMENSIONS = 512;
const FEED_FORWARD_DIMENSIONS = 1536;

const SCOPE = 'module_apply_default/Encoder_en/KonaTransformer/Encode/';

interface LayerNorm {
  scale: Float32Array;
  bias: Float32Array;
}
interface Layer {
  width: number;
  attentionNorm: LayerNorm;
  qkv: Int16Dense;
  attentionOut: Int16Dense;
  /** Layer 0 only: projects its 256-wide input to the 512-wide residual stream. */
  residual: Int16Dense | undefined;
  feedForwardNorm: LayerNorm;
  feedForwardIn: Int16Dense;
  feedForwardOut: Int16Dense;
  /** 1/√(per-head width), applied to the queries. */
  queryScale: number;
}

export interface UseLiteForward {
  /** The text's unit 512-d vector; `ids` are the model tokenizer's ids. */
  encode(ids: readonly number[]): Float32Array;
}

/** `model` is the package's loaded `GraphModel`; only its weights are read. */
export function createUseLiteForward(options: { model: { weights: Record<string, Tensor[] | undefined> } }): UseLiteForward {
  const weights = options.model.weights;
  const kernels = createInt16Kernels({ maxRows: MAX_TOKENS, maxWidth: FEED_FORWARD_DIMENSIONS });
  const tensor = (name: string): Tensor => {
    const found = weights[name]?.[0];
    if (found === undefined) throw new Error(`USE-lite weight ${name} is missing: the model package is not the one this code reads`);
    return found;
  };
  const floats = (name: string) => Float32Array.from(tensor(name).dataSync());
  /** A layer's kernel (`inputs` × `outputs`) and bias, packed for the int16 kernels. */
  const dense = (kernel: string, bias: string, inputs: number, outputs: number): Int16Dense =>
    kernels.dense({ weights: tensor(kernel).dataSync(), inputs, outputs, bias: tensor(bias).dataSync() });
  const layer = (index: number, width: number): Layer => {
    const own = `${SCOPE}Layer_${index}/TransformerLayer/`;
    const stack = `${SCOPE}TransformerStack/Layer_${index}/TransformerLayer/`;
    const kernels = `module/Encoder_en/KonaTransformer/Encode/Layer_${index}/TransformerLayer/MultiheadAttention/`;
    const norm = (at: string): LayerNorm => ({
      scale: floats(`${own}${at}layer_prepostprocess/layer_norm/layer_norm_scale/ConcatPartitions/concat`),
      bias: floats(`${own}${at}layer_prepostprocess/layer_norm/layer_norm_bias/ConcatPartitions/concat`),
    });
    return {
      width,
      attentionNorm: norm(''),
      qkv: dense(`${kernels}qkv_transform_single/kernel/part_0`, `${own}MultiheadAttention/qkv_transform_single/bias/ConcatPartitions/concat`, width, 3 * width),
      attentionOut: dense(`${kernels}output_transform_single/kernel/part_0`, `${own}MultiheadAttention/output_transform_single/bias/ConcatPartitions/concat`, width, OUTPUT_DIMENSIONS),
      residual: index === 0 ? dense(`${own}dense/kernel/ConcatPartitions/concat`, `${own}dense/bias/ConcatPartitions/concat`, width, OUTPUT_DIMENSIONS) : undefined,
      feedForwardNorm: norm('FFN/'),
      feedForwardIn: dense(`${stack}FFN/conv1/Tensordot/Reshape_1`, `${own}FFN/conv1/bias/ConcatPartitions/concat`, OUTPUT_DIMENSIONS, FEED_FORWARD_DIMENSIONS),
      feedForwardOut: dense(`${stack}FFN/conv2/Tensordot/Reshape_1`, `${own}FFN/conv2/bias/ConcatPartitions/concat`, FEED_FORWARD_DIMENSIONS, OUTPUT_DIMENSIONS),
      queryScale: floats(`${stack}MultiheadAttention/mul/y`)[0] ?? Number.NaN,
    };
  };
  const layers = [layer(0, 256), layer(1, OUTPUT_DIMENSIONS)];
  const embeddings = floats('module/Embeddings_en');
  const embeddingWidth = 256;
  const inverseTimescales = floats(`${SCOPE}TransformerStack/Layer_0/AddTimingSignal/TimingSignal/ExpandDims_1`);
  const output = dense('module/Encoder_en/hidden_layers/tanh_layer_0/weights', 'module/Encoder_en/hidden_layers/tanh_layer_0/bias', OUTPUT_DIMENSIONS, OUTPUT_DIMENSIONS);

  return {
    encode(tokenIds) {
      const ids = tokenIds.slice(0, MAX_TOKENS);
      const count = ids.length;
      let x: Float32Array = new Float32Array(count * embeddingWidth);
      const half = inverseTimescales.length;
      for (let position = 0; position < count; position++) {
        const row = position * embeddingWidth;
        const from = (ids[position] ?? 0) * embeddingWidth;
        for (let c = 0; c < embeddingWidth; c++) x[row + c] = 2 * (embeddings[from + c] ?? 0);
        for (let c = 0; c < half; c++) {
          const angle = position * (inverseTimescales[c] ?? 0);
          x[row + c] = (x[row + c] ?? 0) + Math.sin(angle);
          x[row + half + c] = (x[row + half + c] ?? 0) + Math.cos(angle);
        }
      }
      for (const step of layers) {
        const { width } = step;
        const qkv = step.qkv.apply(layerNorm(x, count, width, step.attentionNorm), count);
        const attended = step.attentionOut.apply(attention(qkv, count, width, step.queryScale), count);
        const residual = step.residual === undefined ? x : step.residual.apply(x, count);
        x = addInto(attended, residual);
        const hidden = step.feedForwardIn.apply(layerNorm(x, count, OUTPUT_DIMENSIONS, step.feedForwardNorm), count, 'relu');
        x = addInto(step.feedForwardOut.apply(hidden, count), x);
      }
      const pooled = new Float32Array(OUTPUT_DIMENSIONS);
      for (let position = 0; position < count; position++) {
        for (let c = 0; c < OUTPUT_DIMENSIONS; c++) pooled[c] = (pooled[c] ?? 0) + (x[position * OUTPUT_DIMENSIONS + c] ?? 0);
      }
      const tokens = Math.max(count, 1);
      for (let c = 0; c < OUTPUT_DIMENSIONS; c++) pooled[c] = (pooled[c] ?? 0) / tokens;
      const out = output.apply(pooled, 1);
      for (let c = 0; c < out.length; c++) out[c] = Math.tanh(out[c] ?? 0);
      let norm = 0;
      for (const value of out) norm += value * value;
      const scale = 1 / Math.sqrt(Math.max(norm, 1e-12));
      for (let c = 0; c < out.length; c++) out[c] = (out[c] ?? 0) * scale;
      return out;
    },
  };
}

function layerNorm(x: Float32Array, count: number, width: number, { scale, bias }: LayerNorm): Float32Array {
  const out = new Float32Array(count * width);
  for (let row = 0; row < count; row++) {
    const at = row * width;
    let mean = 0;
    for (let c = 0; c < width; c++) mean += x[at + c] ?? 0;
    mean /= width;
    let variance = 0;
    for (let c = 0; c < width; c++) {
      const centred = (x[at + c] ?? 0) - mean;
      variance += centred * centred;
    }
    const inverse = 1 / Math.sqrt(variance / width + LAYER_NORM_EPSILON);
    for (let c = 0; c < width; c++) out[at + c] = (scale[c] ?? 0) * inverse * ((x[at + c] ?? 0) - mean) + (bias[c] ?? 0);
  }
  return out;
}

/** Softmax attention per head over the rows of `qkv` (each row: queries, keys, values, `width` each). */
function attention(qkv: Float32Array, count: number, width: number, queryScale: number): Float32Array {
  const depth = width / HEADS;
  const stride = 3 * width;
  const out = new Float32Array(count * width);
  const weights = new Float32Array(count);
  for (let head = 0; head < HEADS; head++) {
    const offset = head * depth;
    for (let i = 0; i < count; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < count; j++) {
        let dot = 0;
        for (let c = 0; c < depth; c++) dot += (qkv[i * stride + offset + c] ?? 0) * queryScale * (qkv[j * stride + width + offset + c] ?? 0);
        weights[j] = dot;
        if (dot > max) max = dot;
      }
      let sum = 0;
      for (let j = 0; j < count; j++) {
        const weight = Math.exp((weights[j] ?? 0) - max);
        weights[j] = weight;
        sum += weight;
      }
      for (let j = 0; j < count; j++) {
        const share = (weights[j] ?? 0) / sum;
        for (let c = 0; c < depth; c++) out[i * width + offset + c] = (out[i * width + offset + c] ?? 0) + share * (qkv[j * stride + 2 * width + offset + c] ?? 0);
      }
    }
  }
  return out;
}

function addInto(target: Float32Array, other: Float32Array): Float32Array {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] ?? 0) + (other[i] ?? 0);
  return target;
}
