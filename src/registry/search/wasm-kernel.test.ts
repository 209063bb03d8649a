import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { assembleWat, WAT_SOURCES, wasmFileFor } from '../../../scripts/build-wasm.ts';
import { instantiateKernel, WASM_PAGE } from './wasm-kernel.ts';

describe('instantiateKernel', () => {
  it('ships the binary each WebAssembly text assembles to (run `npm run build:wasm` after editing a text)', async () => {
    expect(WAT_SOURCES.map((source) => source.pathname.split('/').at(-1))).toEqual(['int16-matmul.wat', 'nearest-kernels.wat']);
    for (const source of WAT_SOURCES) {
      const committed = new Uint8Array(await readFile(wasmFileFor(source)));
      expect(Buffer.from(await assembleWat(source)).equals(Buffer.from(committed)), source.pathname).toBe(true);
    }
  });

  it('gives each instance a memory of its own, at least as large as asked', () => {
    const first = instantiateKernel<{ dots: unknown }>('nearest-kernels.wasm', 3 * WASM_PAGE + 1);
    const second = instantiateKernel<{ dots: unknown }>('nearest-kernels.wasm', 0);
    expect(first.memory.buffer.byteLength).toBe(4 * WASM_PAGE);
    expect(second.memory.buffer.byteLength).toBe(WASM_PAGE);
    expect(first.memory).not.toBe(second.memory);
    expect(typeof first.exports.dots).toBe('function');
    expect(() => instantiateKernel('no-such-kernel.wasm', 0)).toThrow(/ENOENT/);
  });
});
