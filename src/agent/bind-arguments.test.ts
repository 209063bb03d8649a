import { describe, expect, it } from 'vitest';
import { type ToolManifest, ToolManifestSchema } from '../tool-package/index.ts';
import { bindArguments } from './bind-arguments.ts';
import { reverseStringManifest, starterManifest } from './test-support/starter-manifests.ts';

function bindFor(tool: string, request: string, reference?: { value: unknown }) {
  const parameters = tool === 'reverse_string' ? reverseStringManifest.parameters : starterManifest(tool).parameters;
  return bindArguments({ request, parameters, ...(reference === undefined ? {} : { reference }) });
}

/**
 * The parameters as they come back from the store, which keeps manifests as jsonb: object keys
 * sorted by length, then bytes (`to`, `from`, `value`); arrays such as `required` keep their order.
 */
function asStored(parameters: ToolManifest['parameters']): ToolManifest['parameters'] {
  const names = Object.keys(parameters.properties).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return { ...parameters, properties: Object.fromEntries(names.map((name) => [name, parameters.properties[name] ?? {}])) };
}

function parametersOf(properties: Record<string, Record<string, unknown>>, required: string[]) {
  return ToolManifestSchema.parse({
    name: 'fixture_tool',
    description: 'A fixture.',
    parameters: { type: 'object', properties, required, additionalProperties: false },
    returns: {},
  }).parameters;
}

const STARTER_BINDINGS: Array<[string, string, Record<string, unknown>]> = [
    ['percentage_of', 'What is 15 percent of 300?', { percent: 15, value: 300 }],
    ['percentage_of', 'how much is a 20% tip on a $85 bill', { percent: 20, value: 85 }],
    ['percentage_of', "what's 30% of 1,500", { percent: 30, value: 1500 }],
    ['percentage_of', 'sales tax of 8 percent on 59.99', { percent: 8, value: 59.99 }],
    ['percentage_change', 'by how much did the price go up from 40 to 52 in percent', { from: 40, to: 52 }],
    ['percentage_change', "revenue dropped from 1.2M to 900k, what's the decline rate", { from: 1_200_000, to: 900_000 }],
    ['percentage_change', "growth from last year's 350 to this year's 420", { from: 350, to: 420 }],
    ['what_percent', '30 out of 120 as a percentage', { part: 30, whole: 120 }],
    ['convert_units', 'convert 5 km to miles', { value: 5, from: 'km', to: 'miles' }],
    ['convert_units', '72 fahrenheit in celsius', { value: 72, from: 'fahrenheit', to: 'celsius' }],
    ['convert_units', 'a marathon of 26.2 mi in km', { value: 26.2, from: 'mi', to: 'km' }],
    ['convert_units', '5 km in miles', { value: 5, from: 'km', to: 'miles' }],
    ['convert_units', 'how many miles is 5 km', { value: 5, from: 'km', to: 'miles' }],
    ['convert_units', 'how many miles is 10 kilometers', { value: 10, from: 'kilometers', to: 'miles' }],
    ['convert_units', '5 km is how many miles', { value: 5, from: 'km', to: 'miles' }],
    ['convert_units', 'how many MiB in 3 gigabytes', { value: 3, from: 'gigabytes', to: 'MiB' }],
    ['convert_units', 'convert 100 fahrenheit to celsius', { value: 100, from: 'fahrenheit', to: 'celsius' }],
    ['convert_units', '100 degrees fahrenheit to degrees celsius', { value: 100, from: 'fahrenheit', to: 'celsius' }],
    ['convert_units', 'what is 3 hours in minutes', { value: 3, from: 'hours', to: 'minutes' }],
    ['convert_units', 'change 2 GiB into MB', { value: 2, from: 'GiB', to: 'MB' }],
    ['convert_units', 'express 30 km/h as mph', { value: 30, from: 'km/h', to: 'mph' }],
    ['convert_units', 'from kg to lb: 10', { value: 10, from: 'kg', to: 'lb' }],
    ['convert_units', 'convert 10 to celsius from fahrenheit', { value: 10, from: 'fahrenheit', to: 'celsius' }],
    ['day_of_week', 'what day of the week was 2024-02-29', { date: '2024-02-29' }],
    ['day_of_week', 'what weekday was July 4 1976', { date: '1976-07-04' }],
    ['date_difference', 'how many days between 2024-01-15 and 2024-03-01', { start: '2024-01-15', end: '2024-03-01' }],
    ['date_difference', 'days between 2024-01-01 and 2024-03-01', { start: '2024-01-01', end: '2024-03-01' }],
    ['date_difference', 'number of weeks from June 1 2024 to December 25 2024', { start: '2024-06-01', end: '2024-12-25' }],
    ['add_to_date', 'what date is 90 days after 2024-02-10', { date: '2024-02-10', amount: 90, unit: 'days' }],
    ['add_to_date', 'add 3 weeks to 2024-02-10', { date: '2024-02-10', amount: 3, unit: 'weeks' }],
    ['add_to_date', 'when does a one-year subscription starting 2024-02-29 end', { date: '2024-02-29', amount: 1, unit: 'year' }],
    ['round_number', 'round 3.14159 to 2 decimals', { value: 3.14159, decimals: 2, mode: 'nearest' }],
    ['round_number', 'round 3.14159 to two decimal places', { value: 3.14159, decimals: 2, mode: 'nearest' }],
    ['round_number', 'truncate 9.99 to one decimal', { value: 9.99, decimals: 1, mode: 'truncate' }],
    ['round_number', 'round -2.5 with mode half_even', { value: -2.5, decimals: 0, mode: 'half_even' }],
    ['describe_numbers', 'summarize these numbers: 4, 8, 15, 16, 23, 42', { numbers: [4, 8, 15, 16, 23, 42] }],
    ['describe_numbers', 'give me the stats for this list: 3 7 7 2 9', { numbers: [3, 7, 7, 2, 9] }],
    ['describe_numbers', 'describe numbers 4 5 6', { numbers: [4, 5, 6] }],
    ['describe_numbers', 'mean of 1, 2 and 3', { numbers: [1, 2, 3] }],
    ['describe_numbers', 'stats for [1.5, -2, 3e2]', { numbers: [1.5, -2, 300] }],
    ['percentile', '90th percentile of 12, 15, 20, 31', { percentile: 90, numbers: [12, 15, 20, 31], method: 'linear' }],
    ['percentile', 'the p95 of [120, 340, 95, 210] using nearest rank', { percentile: 95, numbers: [120, 340, 95, 210], method: 'nearest_rank' }],
    ['format_duration', 'turn 7503 seconds into hours minutes and seconds', { seconds: 7503 }],
    ['change_case', "turn 'hello world' into camelCase", { text: 'hello world', case: 'camel' }],
    ['slugify', "make a URL-friendly version of 'My First Blog Post!'", { text: 'My First Blog Post!', separator: '-', lowercase: true }],
    ['slugify', 'slugify “Café & Bar Menu” with separator "_"', { text: 'Café & Bar Menu', separator: '_', lowercase: true }],
    ['is_palindrome', "does 'racecar' read the same backwards", { text: 'racecar', ignore_case: true, letters_and_digits_only: true }],
    ['is_palindrome', "is \"It's a Tit\" a palindrome, ignore case: false", { text: "It's a Tit", ignore_case: false, letters_and_digits_only: true }],
    ['is_palindrome', 'check if 12321 is symmetric when reversed', { text: '12321', ignore_case: true, letters_and_digits_only: true }],
    ['word_frequency', "top 3 words in 'a b a c a b', min length = 1", { text: 'a b a c a b', top: 3, min_length: 1, remove_stop_words: false, case_sensitive: false }],
    ['json_format', "minify '{\"a\": 1}'", { json: '{"a": 1}', mode: 'minify', indent: 2, sort_keys: false }],
    ['reverse_string', "reverse 'Python'", { s: 'Python' }],
    ['reverse_string', "s = 'abc'", { s: 'abc' }],
];

describe('bindArguments on the starter tools', () => {
  it.each(STARTER_BINDINGS)('%s: %j', (tool, request, args) => {
    expect(bindFor(tool, request)).toMatchObject({ status: 'bound', args });
  });

  it.each(STARTER_BINDINGS.filter(([tool]) => tool !== 'reverse_string'))('%s: %j binds the same with the properties in store order', (tool, request, args) => {
    const binding = bindArguments({ request, parameters: asStored(starterManifest(tool).parameters) });
    expect(binding).toMatchObject({ status: 'bound', args });
  });

  it('reports where each value came from', () => {
    expect(bindFor('percentage_of', 'What is 15 percent of 300?')).toEqual({
      status: 'bound',
      args: { percent: 15, value: 300 },
      sources: { percent: 'mention', value: 'order' },
    });
  });

  it.each([
    ['convert_units', 'km to miles: 5', /required parameter from/],
    ['convert_units', 'convert 5 km to miles or feet', /to could be "miles" or "feet"/],
    ['convert_units', 'convert 5 km to miles in feet', /to could be "miles" or "feet"/],
    ['convert_units', 'what is 5 km in miles, 2 decimals', /2 was not matched/],
    ['round_number', 'round 1234 to the nearest hundred', /hundred was not matched/],
    ['format_duration', 'express 5400 seconds as an ISO 8601 period', /8601 was not matched/],
    ['add_to_date', 'subtract 3 months from 2024-05-31', /"subtract", so amount may need to be negative/],
    ['add_to_date', 'the date 45 days before 2025-01-01', /"before"/],
    ['text_statistics', 'how many words are in this essay', /required parameter text/],
    ['parse_duration', 'how many seconds is 1h30m', /required parameter text/],
    ['change_case', 'convert this sentence to upper case', /case could be "upper" or "sentence"|case could be "sentence" or "upper"/],
    ['percentile', "what's the first quartile of 1 through 20", /20 was not matched/],
    ['calculate', 'compute (12.5 + 7.5) * 3 / 4', /required parameter expression/],
  ])('%s: %j is ambiguous', (tool, request, reason) => {
    const binding = bindFor(tool, request);
    expect(binding.status).toBe('ambiguous');
    if (binding.status === 'ambiguous') expect(binding.reasons.join('\n')).toMatch(reason);
  });

  it('keeps what it found as the partial binding', () => {
    expect(bindFor('convert_units', 'km to miles: 5')).toMatchObject({ status: 'ambiguous', partial: { value: 5, to: 'miles' } });
    expect(bindFor('change_case', 'convert userAccountId to snake_case')).toMatchObject({ status: 'ambiguous', partial: { case: 'snake' } });
  });
});

describe('bindArguments on unit parameters', () => {
  it('tells the unit converted from and to by the descriptions when the names do not say', () => {
    const parameters = parametersOf(
      {
        wanted: { type: 'string', description: 'The unit to convert the quantity to.' },
        quantity: { type: 'number' },
        given: { type: 'string', description: 'The unit of the quantity.' },
      },
      ['wanted', 'quantity', 'given'],
    );
    expect(bindArguments({ request: 'convert 5 km to miles', parameters })).toMatchObject({
      status: 'bound',
      args: { quantity: 5, given: 'km', wanted: 'miles' },
    });
  });

  it('gives a lone unit parameter that names no direction the unit written after the number', () => {
    const parameters = parametersOf({ amount: { type: 'number' }, unit: { type: 'string', description: 'A unit of measurement.' } }, ['amount', 'unit']);
    expect(bindArguments({ request: 'how long is 5 km', parameters })).toMatchObject({ status: 'bound', args: { amount: 5, unit: 'km' } });
  });
});

describe('bindArguments with an earlier result', () => {
  it('binds a text reference to the first string parameter', () => {
    expect(bindFor('reverse_string', 'now reverse ⟨that⟩', { value: 'dlrow olleh' })).toMatchObject({
      status: 'bound',
      args: { s: 'dlrow olleh' },
      sources: { s: 'reference' },
    });
  });

  it('binds a number reference to the numeric parameter the request left free', () => {
    expect(bindFor('percentage_of', 'what is 10 percent of ⟨that⟩', { value: 45 })).toMatchObject({ status: 'bound', args: { percent: 10, value: 45 } });
  });

  it('binds a text reference before quoted strings take their places by order', () => {
    expect(bindFor('find_replace', "replace 'o' with '0' in ⟨that⟩", { value: 'foo' })).toMatchObject({
      status: 'bound',
      args: { text: 'foo', find: 'o', replace: '0' },
    });
  });

  it('gives a number to a text parameter as text when nothing numeric is free', () => {
    expect(bindFor('is_palindrome', 'is ⟨that⟩ a palindrome', { value: 1221 })).toMatchObject({ status: 'bound', args: { text: '1221' } });
  });
});

describe('bindArguments on value shapes', () => {
  const parameters = parametersOf(
    {
      count: { type: 'integer' },
      ratio: { type: 'number' },
      label: { type: 'string' },
      strict: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
    },
    ['count', 'ratio', 'label', 'strict', 'tags'],
  );

  it('reads integers, negative decimals, quoted strings, booleans and string lists', () => {
    expect(bindArguments({ request: "count 12,000 with ratio −0.25, label 'x y' strict yes and tags 'a', 'b' and 'c'", parameters })).toMatchObject({
      status: 'bound',
      args: { count: 12000, ratio: -0.25, label: 'x y', strict: true, tags: ['a', 'b', 'c'] },
    });
  });

  it('matches values by order when no names are written', () => {
    expect(bindArguments({ request: "7 1.5 'name' false [\"p\", \"q\"]", parameters })).toMatchObject({
      status: 'bound',
      args: { count: 7, ratio: 1.5, label: 'name', strict: false, tags: ['p', 'q'] },
    });
  });

  it('does not put a decimal into an integer parameter', () => {
    const binding = bindArguments({ request: "count 1.5 ratio 2 'l' true ['t']", parameters });
    expect(binding.status).toBe('ambiguous');
  });

  it('says when the same parameter is named twice with different values', () => {
    const binding = bindArguments({ request: "count 1 count 2 ratio 3 'l' true ['t']", parameters });
    expect(binding).toMatchObject({ status: 'ambiguous' });
    if (binding.status === 'ambiguous') expect(binding.reasons.join('\n')).toMatch(/count is named twice/);
  });

  it('reports schema problems of the finished arguments', () => {
    const bounded = parametersOf({ n: { type: 'number', maximum: 10 }, m: { type: 'number' } }, ['n', 'm']);
    expect(bindArguments({ request: 'n = 50 and 60', parameters: bounded }).status).toBe('ambiguous');
  });
});
