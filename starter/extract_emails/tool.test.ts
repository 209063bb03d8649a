import { describe, expect, it } from 'vitest';
import { extract_emails } from './tool';

describe('extract_emails', () => {
  it('finds addresses in running text, in order', () => {
    const text = 'Contact alice@example.com or bob.smith+news@mail.example.co.uk for details.';
    expect(extract_emails({ text })).toEqual({ emails: ['alice@example.com', 'bob.smith+news@mail.example.co.uk'], count: 2 });
  });
  it('leaves out surrounding punctuation', () => {
    expect(extract_emails({ text: '<jane@corp.io>, (tom@site.org). "x_y@z.net";' }).emails).toEqual(['jane@corp.io', 'tom@site.org', 'x_y@z.net']);
  });
  it('removes duplicates case-insensitively unless asked not to', () => {
    const text = 'a@b.com, A@B.com, a@b.com';
    expect(extract_emails({ text }).emails).toEqual(['a@b.com']);
    expect(extract_emails({ text, unique: false }).count).toBe(3);
  });
  it('skips things that only look like addresses', () => {
    expect(extract_emails({ text: 'user@localhost @handle name@ x@y.c a..b@example.com .lead@example.com' }).emails).toEqual([]);
  });
  it('handles internationalised addresses', () => {
    expect(extract_emails({ text: 'Écrivez à josé@correo.es ou 用户@例子.广告' }).emails).toEqual(['josé@correo.es', '用户@例子.广告']);
  });
  it('returns nothing for text without addresses', () => {
    expect(extract_emails({ text: '' })).toEqual({ emails: [], count: 0 });
    expect(extract_emails({ text: 'no contact details here' })).toEqual({ emails: [], count: 0 });
  });
  it('rejects invalid arguments', () => {
    expect(() => extract_emails({ text: undefined as unknown as string })).toThrow('text must be a string');
    expect(() => extract_emails({ text: 'a', unique: 'yes' as unknown as boolean })).toThrow('unique must be true or false');
  });
});
