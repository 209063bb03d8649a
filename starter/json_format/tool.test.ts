import { describe, expect, it } from 'vitest';
import { json_format } from './tool';

describe('json_format', () => {
  it('pretty-prints with two-space indentation by default', () => {
    expect(json_format({ json: '{"a":1,"b":[true,null]}' })).toBe('{\n  "a": 1,\n  "b": [\n    true,\n    null\n  ]\n}');
  });
  it('minifies', () => {
    expect(json_format({ json: '{\n  "a" : 1,\n  "b" : [ 1, 2 ]\n}\n', mode: 'minify' })).toBe('{"a":1,"b":[1,2]}');
  });
  it('uses a custom indent', () => {
    expect(json_format({ json: '[1]', indent: 4 })).toBe('[\n    1\n]');
  });
  it('sorts keys recursively, leaving arrays in order', () => {
    expect(json_format({ json: '{"b":{"z":1,"a":2},"a":[3,1,{"y":0,"x":0}]}', mode: 'minify', sort_keys: true }))
      .toBe('{"a":[3,1,{"x":0,"y":0}],"b":{"a":2,"z":1}}');
  });
  it('keeps Unicode, escapes and a "__proto__" key intact', () => {
    expect(json_format({ json: '{"名前":"José \\"J\\" 😀","__proto__":{"x":1}}', mode: 'minify', sort_keys: true }))
      .toBe('{"__proto__":{"x":1},"名前":"José \\"J\\" 😀"}');
  });
  it('formats scalars and empty containers', () => {
    expect(json_format({ json: ' 42 ' })).toBe('42');
    expect(json_format({ json: '{}' })).toBe('{}');
    expect(json_format({ json: '[]', mode: 'minify' })).toBe('[]');
  });
  it('reports invalid JSON', () => {
    expect(() => json_format({ json: '{"a": 1,}' })).toThrow('invalid JSON');
    expect(() => json_format({ json: "{'a': 1}" })).toThrow('invalid JSON');
    expect(() => json_format({ json: '   ' })).toThrow('invalid JSON: the input is empty');
  });
  it('rejects invalid options', () => {
    expect(() => json_format({ json: '1', indent: 0 })).toThrow('indent must be a whole number from 1 to 8');
    expect(() => json_format({ json: '1', mode: 'ugly' as 'pretty' })).toThrow('mode must be "pretty" or "minify"');
  });
});
