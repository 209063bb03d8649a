import { readFileSync } from 'node:fs';

/** WebAssembly's page: memories are sized and grown in these. */
export const WASM_PAGE = 65_536;

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/**
 * The part of the WebAssembly API the kernels use. It is a global in Node, but the project's type
 * libraries (es2024, @types/node) declare none of it as a value.
 */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: { env: { memory: WasmMemory } }) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

const compiled = new Map<string, object>();

/**
 * One of the project's own kernels (a `.wasm` beside this file, assembled from its `.wat` by `npm
 * run build:wasm`), instantiated over a new memory of at least `bytes`. The module is compiled once
 * per process.
 */
export function instantiateKernel<Exports>(file: string, bytes: number): { memory: WasmMemory; exports: Exports } {
  let module = compiled.get(file);
  if (module === undefined) {
    module = new wasm.Module(readFileSync(new URL(`./${file}`, import.meta.url)));
    compiled.set(file, module);
  }
  const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / WASM_PAGE)) });
  return { memory, exports: new wasm.Instance(module, { env: { memory } }).exports as Exports };
}
