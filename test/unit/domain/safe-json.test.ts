import { describe, expect, it } from 'vitest';
import { isLargerThanUtf8Bytes, parseJsonSafely, type SafeJsonResult } from '../../../shared/domain/safe-json';

const limits = { maxBytes: 10_000, maxDepth: 8 };

function expectFailure(result: SafeJsonResult): { message: string; path: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result;
}

describe('parseJsonSafely', () => {
  it('parses ordinary JSON, strings with brackets and escaped quotes included', () => {
    const result = parseJsonSafely('{"a":[1,{"b":"x[{\\"}"}],"c":null}', limits);
    expect(result).toEqual({ ok: true, value: { a: [1, { b: 'x[{"}' }], c: null } });
  });

  it('ignores a UTF-8 byte order mark at the start', () => {
    expect(parseJsonSafely('\uFEFF{"a":1}', limits)).toEqual({ ok: true, value: { a: 1 } });
  });

  it('refuses 1,000,000 nested arrays before JSON.parse sees them', () => {
    const text = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const failure = expectFailure(parseJsonSafely(text, { maxBytes: 3_000_000, maxDepth: 64 }));
    expect(failure.message).toContain('lồng nhau quá sâu');
    expect(failure.message).toContain('64');
  });

  it('accepts exactly maxDepth levels and refuses one more, naming where', () => {
    expect(parseJsonSafely('[[[[[[[[1]]]]]]]]', limits).ok).toBe(true);
    const failure = expectFailure(parseJsonSafely('{"a":[{"b":[[[[[[1]]]]]]}]}', limits));
    // Containers: { a[ { b[ [ [ [ [ — the ninth opens at a[0].b[0][0][0][0][0].
    expect(failure.path).toBe('a[0].b[0][0][0][0][0]');
  });

  it('does not count brackets inside strings as nesting', () => {
    const text = JSON.stringify({ note: '['.repeat(100) + '{'.repeat(100) });
    expect(parseJsonSafely(text, limits).ok).toBe(true);
  });

  it('reports a duplicate key with its path', () => {
    const text = '{"fields":[{"code":"1"},{"code":"2","title":"a","title":"b"}]}';
    const failure = expectFailure(parseJsonSafely(text, limits));
    expect(failure.path).toBe('fields[1].title');
    expect(failure.message).toContain('"title" bị lặp lại');
    expect(failure.message).toContain('fields[1].title');
  });

  it('treats escaped and plain spellings of a key as the same key', () => {
    const failure = expectFailure(parseJsonSafely('{"ab":1,"a\\u0062":2}', limits));
    expect(failure.path).toBe('ab');
  });

  it('allows the same key in different objects', () => {
    expect(parseJsonSafely('[{"a":1},{"a":2,"b":{"a":3}}]', limits).ok).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s', (key) => {
    const failure = expectFailure(parseJsonSafely(`{"rule":{"kind":"yesNo","${key}":{"x":1}}}`, limits));
    expect(failure.path).toBe(`rule.${key}`);
    expect(failure.message).toContain(`Khóa không được phép: "${key}"`);
  });

  it('refuses text over maxBytes counted in UTF-8 bytes, not characters', () => {
    const text = JSON.stringify({ t: 'ệ'.repeat(4000) }); // 4008 characters, 12008 bytes
    expect(text.length).toBeLessThan(limits.maxBytes);
    const failure = expectFailure(parseJsonSafely(text, limits));
    expect(failure.message).toContain('Tệp quá lớn');
  });

  it('counts UTF-8 bytes like TextEncoder, surrogate pairs and lone surrogates included', () => {
    for (const sample of ['abc', 'Cải cách hành chính', '😀 x', 'a\uD800b', 'ệ'.repeat(50)]) {
      const bytes = new TextEncoder().encode(sample).length;
      expect(isLargerThanUtf8Bytes(sample, bytes)).toBe(false);
      expect(isLargerThanUtf8Bytes(sample, bytes - 1)).toBe(true);
    }
  });

  it('gives the line and column of a syntax error', () => {
    const failure = expectFailure(parseJsonSafely('{\n  "a": 1,\n  "b" 2\n}', limits));
    expect(failure.message).toContain('không phải JSON hợp lệ');
    expect(failure.message).toContain('dòng 3, cột 7');
  });

  it('says when the text ends too early, and when it is empty', () => {
    expect(expectFailure(parseJsonSafely('{"a": [1, 2', limits)).message).toContain('không phải JSON hợp lệ');
    expect(expectFailure(parseJsonSafely('  \n', limits)).message).toContain('Tệp rỗng');
  });

  it('reports the syntax error rather than a key problem in broken text', () => {
    const failure = expectFailure(parseJsonSafely('{"a":1,"a":2,}', limits));
    expect(failure.message).toContain('không phải JSON hợp lệ');
  });
});
