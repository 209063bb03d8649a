import { MessageChannel, Worker } from 'node:worker_threads';
import type { Embedder, ForwardingEmbedder } from '../src/registry/index.ts';

/**
 * Stands in for the sentence encoder over synthetic catalogs: encoding 100k tools for real takes
 * ~20 minutes here (~12 ms a tool). Each query is still encoded by the real model (its time and
 * CPU are counted, and its vector reaches the index's thread the way the real one does, through
 * `surrogate-relay-worker.ts`), but the vectors stored and searched are the word vectors projected
 * to 512 dimensions by a fixed random matrix, so the index has the real size, dimension and a
 * realistic clustering.
 */
export function sentenceSurrogate(real: ForwardingEmbedder, words: Embedder): ForwardingEmbedder {
  const dimensions = real.dimensions;
  const random = (() => {
    let state = 42;
    return () => {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return state / 4_294_967_296 - 0.5;
    };
  })();
  // Flat and in plain loops: projecting a query runs on the caller's thread, which the real encoder's does not.
  const matrix = Float32Array.from({ length: dimensions * words.dimensions }, random);
  const project = (vector: Float32Array) => {
    const out = new Float32Array(dimensions);
    let norm = 0;
    for (let row = 0; row < dimensions; row++) {
      let sum = 0;
      for (let i = 0; i < words.dimensions; i++) sum += (matrix[row * words.dimensions + i] ?? 0) * (vector[i] ?? 0);
      out[row] = sum;
      norm += sum * sum;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
    return out.map((value) => value * scale);
  };
  let relay: Worker | undefined;
  return {
    id: 'bench:sentence-surrogate-512',
    dimensions,
    async embed(call) {
      if (call.texts.length === 1) await real.embed(call);
      return (await words.embed(call)).map(project);
    },
    async embedForwarding({ text, port, signal }) {
      const [wordVector = new Float32Array(words.dimensions)] = await words.embed({ texts: [text] });
      const vector = project(wordVector);
      relay ??= new Worker(new URL('./surrogate-relay-worker.ts', import.meta.url));
      relay.unref();
      const { port1, port2 } = new MessageChannel();
      relay.postMessage({ inbound: port2, outbound: port, vector }, [port2, port]);
      await real.embedForwarding({ text, port: port1, ...(signal ? { signal } : {}) });
      return vector;
    },
  };
}
