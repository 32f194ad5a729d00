import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, serveAppRequest } from '../../../main/shell/app-files';
import { CONTENT_SECURITY_POLICY } from '../../../shared/serving/csp';
import { makeTempDir, type TempDir } from '../../helpers/store-temp';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

describe('serveAppRequest (app:// protocol body)', () => {
  let temp: TempDir;
  let root: string;

  beforeAll(() => {
    temp = makeTempDir('par-app-files-');
    root = path.join(temp.dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.mkdirSync(path.join(temp.dir, 'renderer2'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Tự đánh giá</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(temp.dir, 'renderer2', 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(temp.dir, 'secret.txt'), 'secret');
  });

  afterAll(() => temp.cleanup());

  it('the CSP constant is the agreed strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
  });

  it('allows no inline style or script, neither in the header nor in the page’s own meta policy', () => {
    const page = fs.readFileSync(path.join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    expect(meta).toBeDefined();
    for (const policy of [CONTENT_SECURITY_POLICY, meta!]) {
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).toContain("style-src 'self'");
    }
    expect(page).not.toMatch(/<style|\sstyle=/);
  });

  it('serves index.html for / with the CSP and nosniff headers', async () => {
    const res = await serveAppRequest('app://renderer/', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Tự đánh giá');
  });

  it('serves assets with their content type', async () => {
    const res = await serveAppRequest('app://renderer/assets/app.js', root);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const res = await serveAppRequest('app://renderer/index.html', root, 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/%2e%2e/renderer2/secret.txt',
    'app://renderer/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://renderer/assets',
    'app://renderer/missing.js',
    'app://other/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('404s %s (with the CSP header too)', async (url) => {
    const res = await serveAppRequest(url, root);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest('app://renderer/index.html', root, 'POST')).status).toBe(405);
  });

  it('maps unknown extensions to octet-stream', () => {
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('A.CSS')).toBe('text/css; charset=utf-8');
  });
});
