import { describe, expect, it } from 'vitest';
import { bindArguments } from './bind-arguments.ts';
import { resolveReferences } from './resolve-references.ts';
import { starterManifest } from './test-support/starter-manifests.ts';

describe('resolveReferences', () => {
  it.each([
    ['now reverse that', 'now reverse ⟨that⟩'],
    ['double it', 'double ⟨it⟩'],
    ['what is 10 percent of that?', 'what is 10 percent of ⟨that⟩?'],
    ['round the previous result to 2 decimals', 'round ⟨the previous result⟩ to 2 decimals'],
    ['slugify the result', 'slugify ⟨the result⟩'],
    ['uppercase the last answer please', 'uppercase ⟨the last answer⟩ please'],
    ['convert this to miles', 'convert ⟨this⟩ to miles'],
    ['is that number a palindrome', 'is ⟨that number⟩ a palindrome'],
    ['reverse it again', 'reverse ⟨it⟩ again'],
  ])('marks the reference in %j', (request, marked) => {
    expect(resolveReferences({ request, previousResult: { value: 1 } })).toMatchObject({ resolved: true, request: marked, value: 1 });
  });

  it.each([
    'create a tool that reverses strings',
    'make sure that it works',
    'pretty print this JSON',
    "reverse 'that'",
    'how is it going',
  ])('leaves %j alone', (request) => {
    expect(resolveReferences({ request, previousResult: { value: 1 } })).toEqual({ resolved: false, request: request });
  });

  it('reports a reference with nothing to point to', () => {
    expect(resolveReferences({ request: 'double it' })).toEqual({ resolved: false, request: 'double it', phrase: 'it' });
  });

  it('binds a numeric previous result to the parameter the request left free', () => {
    const resolution = resolveReferences({ request: 'what is 10 percent of that', previousResult: { value: 45 } });
    if (!resolution.resolved) throw new Error('expected a resolved reference');
    expect(bindArguments({ request: resolution.request, parameters: starterManifest('percentage_of').parameters, reference: { value: resolution.value } }))
      .toMatchObject({ status: 'bound', args: { percent: 10, value: 45 } });
  });
});
