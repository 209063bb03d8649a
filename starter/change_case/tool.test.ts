import { describe, expect, it } from 'vitest';
import { change_case } from './tool';

describe('change_case', () => {
  it('converts to upper, lower, title and sentence case', () => {
    expect(change_case({ text: 'hello World', case: 'upper' })).toBe('HELLO WORLD');
    expect(change_case({ text: 'Hello WORLD', case: 'lower' })).toBe('hello world');
    expect(change_case({ text: "the QUICK brown fox's tale", case: 'title' })).toBe("The Quick Brown Fox's Tale");
    expect(change_case({ text: 'HELLO THERE. HOW ARE YOU? fine!', case: 'sentence' })).toBe('Hello there. How are you? Fine!');
  });
  it('converts phrases to programming identifier cases', () => {
    expect(change_case({ text: 'user account id', case: 'camel' })).toBe('userAccountId');
    expect(change_case({ text: 'user account id', case: 'pascal' })).toBe('UserAccountId');
    expect(change_case({ text: 'user account id', case: 'snake' })).toBe('user_account_id');
    expect(change_case({ text: 'user account id', case: 'kebab' })).toBe('user-account-id');
    expect(change_case({ text: 'user account id', case: 'constant' })).toBe('USER_ACCOUNT_ID');
  });
  it('converts between identifier cases, splitting camelCase and acronyms', () => {
    expect(change_case({ text: 'userAccountId', case: 'snake' })).toBe('user_account_id');
    expect(change_case({ text: 'XMLHttpRequest', case: 'kebab' })).toBe('xml-http-request');
    expect(change_case({ text: 'MAX_RETRY_COUNT', case: 'camel' })).toBe('maxRetryCount');
    expect(change_case({ text: 'some-kebab-name', case: 'pascal' })).toBe('SomeKebabName');
    expect(change_case({ text: 'version2Update', case: 'snake' })).toBe('version2_update');
  });
  it('drops punctuation and extra separators in identifier cases', () => {
    expect(change_case({ text: '  --Hello,   world!!  ', case: 'snake' })).toBe('hello_world');
  });
  it('handles accented and non-Latin letters', () => {
    expect(change_case({ text: 'élan vital', case: 'title' })).toBe('Élan Vital');
    expect(change_case({ text: 'straße', case: 'upper' })).toBe('STRASSE');
    expect(change_case({ text: 'über große äpfel', case: 'camel' })).toBe('überGroßeÄpfel');
    expect(change_case({ text: 'привет мир', case: 'kebab' })).toBe('привет-мир');
  });
  it('returns an empty string for empty input', () => {
    expect(change_case({ text: '', case: 'camel' })).toBe('');
    expect(change_case({ text: '', case: 'title' })).toBe('');
    expect(change_case({ text: '!!!', case: 'snake' })).toBe('');
  });
  it('rejects an unknown case', () => {
    expect(() => change_case({ text: 'x', case: 'sarcastic' as 'upper' })).toThrow('case must be one of upper, lower');
    expect(() => change_case({ text: 5 as unknown as string, case: 'upper' })).toThrow('text must be a string');
  });
});
