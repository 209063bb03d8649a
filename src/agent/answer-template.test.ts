import { describe, expect, it } from 'vitest';
import { createScriptedModel } from '../testing/index.ts';
import { answerTemplate } from './answer-template.ts';
import { generateAnswer } from './generate-answer.ts';
import { answerPrompt } from './prompts/answer-prompt.ts';
import { starterManifest } from './test-support/starter-manifests.ts';

describe('answerTemplate', () => {
  it('writes the call and its result', () => {
    expect(answerTemplate({ tool: 'percentage_of', args: { percent: 15, value: 300 }, result: { ok: true, value: 45 } })).toBe('percentage_of(percent: 15, value: 300) → 45');
    expect(answerTemplate({ tool: 'reverse_string', args: { s: 'hello' }, result: { ok: true, value: 'olleh' } })).toBe('reverse_string(s: "hello") → olleh');
  });

  it('prints small objects on one line and larger ones indented', () => {
    expect(answerTemplate({ tool: 'day_of_week', args: { date: '2024-02-29' }, result: { ok: true, value: { day: 'Thursday', weekend: false } } }))
      .toBe('day_of_week(date: "2024-02-29") → {"day": "Thursday", "weekend": false}');
    const big = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`key${i}`, i * 1000]));
    expect(answerTemplate({ tool: 't', args: {}, result: { ok: true, value: big } })).toMatch(/^t\(\) →\n\{\n {2}"key0": 0,/);
  });

  it('cuts long results with a note', () => {
    const text = answerTemplate({ tool: 't', args: { s: 'x' }, result: { ok: true, value: 'a'.repeat(2500) }, maxLength: 1000 });
    expect(text).toMatch(/a{1000}… \(truncated: 1,500 more characters\)$/);
  });

  it('says when the call failed', () => {
    expect(answerTemplate({ tool: 'calculate', args: { expression: '1/' }, result: { ok: false, error: 'unexpected end of expression' } }))
      .toBe('calculate(expression: "1/") failed: unexpected end of expression');
  });
});

describe('generateAnswer', () => {
  const manifest = starterManifest('percentage_of');

  it('uses the template without a model', async () => {
    expect(await generateAnswer({ request: 'What is 15 percent of 300?', manifest, args: { percent: 15, value: 300 }, result: { ok: true, value: 45 } }))
      .toEqual({ text: 'percentage_of(percent: 15, value: 300) → 45', how: 'template' });
  });

  it('asks the model (purpose answer) with the request, arguments and result', async () => {
    const model = createScriptedModel({ calls: [{ purpose: 'answer', match: '15 percent of 300[\\s\\S]*"percent":15[\\s\\S]*Result:\\s+45', reply: ' 15% of 300 is 45. ' }] });
    expect(await generateAnswer({ model, request: 'What is 15 percent of 300?', manifest, args: { percent: 15, value: 300 }, result: { ok: true, value: 45 } }))
      .toEqual({ text: '15% of 300 is 45.', how: 'model' });
  });

  it('tells the model when the tool failed', () => {
    const { prompt } = answerPrompt({ request: 'r', manifest, args: {}, outcome: { ok: false, error: 'boom' } });
    expect(prompt).toContain('The tool failed:\nboom');
  });
});
