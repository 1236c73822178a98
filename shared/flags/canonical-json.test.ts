import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace, so key order never changes the text', () => {
    const a = canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } });
    const b = canonicalJson({ a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 });
    expect(a).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(b).toBe(a);
  });

  it('keeps array order, escapes strings as JSON does, and leaves out undefined properties', () => {
    expect(canonicalJson([2, 1, 'a"b\n\u202e'])).toBe('[2,1,"a\\"b\\n\u202e"]');
    expect(canonicalJson({ a: undefined, b: 0 })).toBe('{"b":0}');
  });

  it('orders keys by UTF-16 code units (upper case before lower, astral after BMP letters)', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, '😀': 4, a: 5 })).toBe('{"B":2,"a":5,"b":1,"é":3,"😀":4}');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ at: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });
});
