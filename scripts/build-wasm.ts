/**
 * Assembles the project's hand-written WebAssembly (`.wat`) into the `.wasm` files committed beside
 * it: `npm run build:wasm`. The binaries are committed so that installing needs no assembler; a
 * test (`int16-matmul.test.ts`) assembles the source again and checks the two agree.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import createWabt from 'wabt';

/** Every `.wat` the project ships, each built into the `.wasm` of the same name. */
export const WAT_SOURCES = [new URL('../src/registry/search/int16-matmul.wat', import.meta.url), new URL('../src/registry/search/nearest-kernels.wat', import.meta.url)];

/** The binary `wat2wasm` makes of `source` (SIMD on), without names or debug sections. */
export async function assembleWat(source: URL): Promise<Uint8Array> {
  const wabt = await createWabt();
  const parsed = wabt.parseWat(fileURLToPath(source), await readFile(source, 'utf8'), { simd: true });
  try {
    parsed.validate();
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

/** Where `source`'s binary is committed. */
export function wasmFileFor(source: URL): URL {
  return new URL(source.href.replace(/\.wat$/, '.wasm'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const source of WAT_SOURCES) {
    const target = wasmFileFor(source);
    await writeFile(target, await assembleWat(source));
    console.log(`built ${fileURLToPath(target)}`);
  }
}
