import { describe, expect, it } from 'vitest';
import { chooseFreeName } from './unique-name.ts';

describe('chooseFreeName', () => {
  it('keeps a free name', async () => {
    expect(await chooseFreeName('reverse_string', () => false)).toBe('reverse_string');
  });

  it('takes the first free numeric suffix', async () => {
    const taken = new Set(['reverse_string', 'reverse_string_2']);
    expect(await chooseFreeName('reverse_string', (name) => taken.has(name))).toBe('reverse_string_3');
  });

  it('stays within 64 characters and snake_case', async () => {
    const long = `${'a'.repeat(61)}_b`;
    const name = await chooseFreeName(long, (candidate) => candidate === long);
    expect(name).toBe(`${'a'.repeat(61)}_2`);
  });

  it('fails with a user error when every suffix is taken', async () => {
    await expect(chooseFreeName('x', () => true)).rejects.toMatchObject({ kind: 'user', code: 'tool_name_unavailable' });
  });
});
