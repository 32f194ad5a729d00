import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { makeMinimalSet } from '../../helpers/criteria-set-fixture';

/** The same data with every object's keys in reverse order. */
function withKeysReversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withKeysReversed);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(entries.map(([key, child]) => [key, withKeysReversed(child)]));
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(canonicalJson({ a: 2, b: 1 })).toBe(canonicalJson({ b: 1, a: 2 }));
  });

  it('sorts keys by UTF-16 code unit at every level, keeps array order, no whitespace', () => {
    const value = { z: [3, { y: true, x: null }], A: 'Điểm', a: { 'é': 1, e: 2, E: 3 } };
    expect(canonicalJson(value)).toBe('{"A":"Điểm","a":{"E":3,"e":2,"é":1},"z":[3,{"x":null,"y":true}]}');
  });

  it('gives the same text for a set whatever the formatting and key order of its file', () => {
    const set = makeMinimalSet();
    const reordered = withKeysReversed(JSON.parse(JSON.stringify(set, null, 4)));
    expect(Object.keys(reordered as object)[0]).toBe('adjustments');
    expect(canonicalJson(reordered)).toBe(canonicalJson(set));
    expect(canonicalJson(reordered)).not.toContain('\n');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0.25, 1e21, -0, 100, 'a"b\n', '\u2028'])).toBe('[0.25,1e+21,0,100,"a\\"b\\n","\u2028"]');
  });

  it('leaves out undefined properties, like an absent optional field', () => {
    expect(canonicalJson({ a: 1, guidance: undefined })).toBe('{"a":1}');
  });

  it.each([NaN, Infinity, -Infinity])('refuses the non-finite number %s, also when nested', (bad) => {
    expect(() => canonicalJson(bad)).toThrow(TypeError);
    expect(() => canonicalJson({ fields: [{ maxPoints: bad }] })).toThrow(/fields\[0\]\.maxPoints/);
  });

  it('refuses what JSON cannot express', () => {
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson(10n)).toThrow(TypeError);
    expect(() => canonicalJson(new Date(0))).toThrow(/plain object/);
    expect(() => canonicalJson(new Map())).toThrow(/plain object/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/cycle/);
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { a: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"a":1},{"a":1}]');
  });
});
