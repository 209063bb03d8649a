import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RawWordVectors } from './read-wink-vectors.ts';

/**
 * Unit word vectors quantized to one signed byte per component, most frequent word first.
 * `cosine(i, j) ≈ dot(row i, row j) · inverseNorms[i] · inverseNorms[j]`.
 */
export interface CompactVectors {
  dimensions: number;
  words: string[];
  /** `words.length × dimensions` quantized components. */
  rows: Int8Array;
  /** Per row: 1 / ‖quantized row‖, so a row times it is a unit vector. */
  inverseNorms: Float32Array;
}

const MAGIC = 0x56575354; // "TSWV" little-endian
const FORMAT_VERSION = 1;
const HEADER_BYTES = 32;

/** Normalizes each row, then scales it so its largest component uses the full int8 range. */
export function quantize(raw: RawWordVectors): CompactVectors {
  const { dimensions, words } = raw;
  const rows = new Int8Array(words.length * dimensions);
  const inverseNorms = new Float32Array(words.length);
  for (let row = 0; row < words.length; row += 1) {
    const base = row * dimensions;
    let largest = 0;
    for (let k = 0; k < dimensions; k += 1) largest = Math.max(largest, Math.abs(raw.vectors[base + k] ?? 0));
    const scale = largest > 0 ? 127 / largest : 0;
    let sumOfSquares = 0;
    for (let k = 0; k < dimensions; k += 1) {
      const value = Math.round((raw.vectors[base + k] ?? 0) * scale);
      rows[base + k] = value;
      sumOfSquares += value * value;
    }
    inverseNorms[row] = sumOfSquares > 0 ? 1 / Math.sqrt(sumOfSquares) : 0;
  }
  return { dimensions, words, rows, inverseNorms };
}

/** Layout: 32-byte header, float32 inverse norms, int8 rows, then the words joined by "\n" in UTF-8. */
export async function writeCompactVectors(path: string, vectors: CompactVectors): Promise<void> {
  const count = vectors.words.length;
  const wordBytes = Buffer.from(vectors.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(FORMAT_VERSION, 4);
  header.writeUInt32LE(vectors.dimensions, 8);
  header.writeUInt32LE(count, 12);
  header.writeUInt32LE(wordBytes.length, 16);
  const body = Buffer.concat([
    header,
    Buffer.from(vectors.inverseNorms.buffer, vectors.inverseNorms.byteOffset, count * 4),
    Buffer.from(vectors.rows.buffer, vectors.rows.byteOffset, vectors.rows.length),
    wordBytes,
  ]);
  await mkdir(dirname(path), { recursive: true });
  // Readers must never see a half-written file: write beside it, then rename (atomic on one filesystem).
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The cached vectors, or undefined when the file is missing, truncated or of another format. */
export async function readCompactVectors(path: string): Promise<CompactVectors | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== FORMAT_VERSION) return undefined;
  const dimensions = bytes.readUInt32LE(8);
  const count = bytes.readUInt32LE(12);
  const wordBytes = bytes.readUInt32LE(16);
  const normsAt = HEADER_BYTES;
  const rowsAt = normsAt + count * 4;
  const wordsAt = rowsAt + count * dimensions;
  if (bytes.length !== wordsAt + wordBytes) return undefined;
  // Copies: the Buffer's offset in its ArrayBuffer need not be 4-byte aligned for a Float32Array view.
  const inverseNorms = new Float32Array(bytes.buffer.slice(bytes.byteOffset + normsAt, bytes.byteOffset + rowsAt));
  const rows = new Int8Array(bytes.buffer, bytes.byteOffset + rowsAt, count * dimensions);
  const words = bytes.toString('utf8', wordsAt, wordsAt + wordBytes).split('\n');
  if (words.length !== count) return undefined;
  return { dimensions, words, rows, inverseNorms };
}
