import { describe, expect, it } from 'vitest';
import type { SuiteResult } from '../sandbox/index.ts';
import { parseManifest, type ToolPackage } from '../tool-package/index.ts';
import { renderSuite } from './render-suite.ts';

const parsed = parseManifest(JSON.stringify({ name: 'reverse_string', description: 'd', parameters: { type: 'object' }, returns: {} }));
if (!parsed.ok) throw new Error('the test manifest should be valid');
const pkg: ToolPackage = { manifest: parsed.manifest, source: '', tests: '' };

const base: SuiteResult = {
  ok: false,
  runtime: 'isolate',
  tests: [],
  totals: { total: 0, passed: 0, failed: 0, skipped: 0 },
  durationMs: 42.4,
  console: { text: '', truncated: false },
};

describe('renderSuite', () => {
  it('prints a mark, name and time per test, failure details indented, and the totals', () => {
    const text = renderSuite(pkg, {
      ...base,
      tests: [
        { name: 'reverse_string > reverses', status: 'passed', durationMs: 1.25 },
        {
          name: 'reverse_string > keeps',
          status: 'failed',
          durationMs: 12.6,
          failure: { message: "expected 'cba' to be 'abc'", expected: "'abc'", received: "'cba'" },
        },
        { name: 'reverse_string > later', status: 'skipped', durationMs: 0 },
      ],
      totals: { total: 3, passed: 1, failed: 1, skipped: 1 },
    });
    expect(text).toBe(
      [
        'reverse_string 1.0.0 (isolate)',
        '',
        '  ✓ reverse_string > reverses  1.3 ms',
        '  ✗ reverse_string > keeps  13 ms',
        "      expected 'cba' to be 'abc'",
        "      expected: 'abc'",
        "      received: 'cba'",
        '  ↓ reverse_string > later',
        '',
        '1 passed, 1 failed, 1 skipped in 42 ms (suite failed)',
        '',
      ].join('\n'),
    );
  });

  it('marks the console output and shows a suite error', () => {
    const text = renderSuite(pkg, {
      ...base,
      console: { text: 'loading\n', truncated: false },
      error: { code: 'load_failed', message: 'Error: fixture data is missing' },
    });
    expect(text).toContain('--- console output of the suite ---\nloading\n--- end of console output ---\n');
    expect(text).toContain('\nerror (load_failed): Error: fixture data is missing\n');
    expect(text).toMatch(/0 passed, 0 failed in 42 ms \(suite failed\)\n$/);
  });

  it('says so when a suite registered no tests', () => {
    expect(renderSuite(pkg, base)).toContain('no tests ran: tool.test.ts registered no tests');
  });
});
