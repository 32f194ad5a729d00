import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../../shared/serving/contain-path';

describe('resolveInside (posix)', () => {
  const root = '/data/renderer';
  const inside = (p: string) => resolveInside(root, p, path.posix);

  it('resolves files inside the root, with or without a leading slash', () => {
    expect(inside('/index.html')).toBe('/data/renderer/index.html');
    expect(inside('index.html')).toBe('/data/renderer/index.html');
    expect(inside('/assets/app-1a2b.js')).toBe('/data/renderer/assets/app-1a2b.js');
    expect(inside('/assets/../index.html')).toBe('/data/renderer/index.html');
  });

  it('accepts a root given with a trailing separator', () => {
    expect(resolveInside('/data/renderer/', '/a.js', path.posix)).toBe('/data/renderer/a.js');
  });

  it('refuses a sibling folder that shares the prefix (/data/renderer2 vs /data/renderer)', () => {
    expect(inside('/../renderer2/secret.txt')).toBeNull();
    expect(inside('../renderer2/secret.txt')).toBeNull();
    expect(resolveInside('/data/renderer', '/data/renderer2/x', path.posix)).toBe('/data/renderer/data/renderer2/x');
  });

  it('refuses .. escapes, plain and percent-encoded', () => {
    expect(inside('/../../etc/passwd')).toBeNull();
    expect(inside('..')).toBeNull();
    expect(inside('/assets/../../x')).toBeNull();
    expect(inside('/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(inside('/%2E%2E/secret')).toBeNull();
    expect(inside('/assets/%2e%2e%2f%2e%2e%2fsecret')).toBeNull();
  });

  it('decodes exactly once (a double-encoded .. is a literal file name inside the root)', () => {
    expect(inside('/%252e%252e/x')).toBe('/data/renderer/%2e%2e/x');
  });

  it('treats a leading slash as the served root, not the disk root', () => {
    expect(inside('/etc/passwd')).toBe('/data/renderer/etc/passwd');
    expect(inside('//etc/passwd')).toBe('/data/renderer/etc/passwd');
  });

  it('refuses the root itself, NUL bytes, colons and malformed encoding', () => {
    expect(inside('/')).toBeNull();
    expect(inside('')).toBeNull();
    expect(inside('/index.html%00.png')).toBeNull();
    expect(inside('/C:/Windows/win.ini')).toBeNull();
    expect(inside('/%E0%A4%A')).toBeNull();
  });

  it('decodes Vietnamese file names', () => {
    expect(inside('/t%E1%BB%87p.txt')).toBe('/data/renderer/tệp.txt');
  });
});

describe('resolveInside (win32)', () => {
  const root = 'C:\\Data\\renderer';
  const inside = (p: string) => resolveInside(root, p, path.win32);

  it('resolves files inside the root with either separator', () => {
    expect(inside('/index.html')).toBe('C:\\Data\\renderer\\index.html');
    expect(inside('/assets/app.js')).toBe('C:\\Data\\renderer\\assets\\app.js');
    expect(inside('assets\\app.js')).toBe('C:\\Data\\renderer\\assets\\app.js');
  });

  it('refuses the prefix-sharing sibling folder', () => {
    expect(inside('..\\renderer2\\secret.txt')).toBeNull();
    expect(inside('/../renderer2/secret.txt')).toBeNull();
  });

  it('refuses backslash and encoded .. escapes', () => {
    expect(inside('..\\..\\Windows\\win.ini')).toBeNull();
    expect(inside('/assets\\..\\..\\x')).toBeNull();
    expect(inside('/%2e%2e%5c%2e%2e%5cWindows')).toBeNull();
    expect(inside('/%2e%2e/secret')).toBeNull();
  });

  it('refuses drive letters, drive-relative paths, UNC and rooted paths', () => {
    expect(inside('C:\\Windows\\win.ini')).toBeNull();
    expect(inside('/C:/Windows/win.ini')).toBeNull();
    expect(inside('D:secret')).toBeNull();
    expect(inside('/%43%3A%5CWindows')).toBeNull();
    expect(inside('\\\\server\\share\\x')).toBeNull();
    expect(inside('\\Windows\\win.ini')).toBeNull();
  });

  it('refuses NTFS alternate data streams', () => {
    expect(inside('/index.html:Zone.Identifier')).toBeNull();
  });
});
