import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * A saved copy of an in-memory vector index, so a process can start from it instead of reading
 * every vector from the database (~9 s at 100k tools of 512 dimensions, against ~0.3 s from the
 * file). It is a cache: its header names the snapshot it reflects, and the owner brings it up to
 * date from the database (or discards it) before use.
 *
 * Layout: `TSVI1\n`, a 4-byte little-endian header length, the header (JSON), padding to a multiple
 * of 4 bytes, then the unit vectors as little-endian float32, one per name.
 */
const MAGIC = Buffer.from('TSVI1\n');

export const VectorIndexFileHeaderSchema = z.object({
  embedderId: z.string(),
  dimensions: z.number().int().positive(),
  /** `ToolStore.embeddingChanges`' snapshot the contents reflect. */
  snapshot: z.string(),
  names: z.array(z.string()),
});
export type VectorIndexFileHeader = z.infer<typeof VectorIndexFileHeaderSchema>;

/** A temp file this old was left by a process killed while saving; later saves remove it. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

async function removeAbandonedTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  const dir = dirname(path);
  for (const name of await readdir(dir).catch(() => [])) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const file = join(dir, name);
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > ABANDONED_AFTER_MS) await rm(file, { force: true });
  }
}

/** Writes the file whole (a temp file renamed over it), so a crash leaves the old copy or the new. */
export async function writeVectorIndexFile(path: string, contents: { header: VectorIndexFileHeader; vectors: Float32Array }): Promise<void> {
  const header = Buffer.from(JSON.stringify(contents.header));
  const padding = (4 - ((MAGIC.length + 4 + header.length) % 4)) % 4;
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const vectors = Buffer.from(contents.vectors.buffer, contents.vectors.byteOffset, contents.vectors.byteLength);
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temp, Buffer.concat([MAGIC, length, header, Buffer.alloc(padding), vectors]));
    await rename(temp, path);
    await removeAbandonedTemps(path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The saved copy, or undefined when there is none or it is unreadable (a cache miss, not an error). */
export async function readVectorIndexFile(path: string): Promise<{ header: VectorIndexFileHeader; vectors: Float32Array } | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return undefined;
  }
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerEnd > bytes.length) return undefined;
  let header: VectorIndexFileHeader;
  try {
    header = VectorIndexFileHeaderSchema.parse(JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')));
  } catch {
    return undefined;
  }
  const start = headerEnd + ((4 - (headerEnd % 4)) % 4);
  const expected = header.names.length * header.dimensions * 4;
  if (bytes.length - start !== expected) return undefined;
  // Copied out: `readFile`'s buffer may share a pool and start at any offset.
  const vectors = new Float32Array(header.names.length * header.dimensions);
  new Uint8Array(vectors.buffer).set(bytes.subarray(start));
  return { header, vectors };
}
