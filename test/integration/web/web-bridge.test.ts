/** The loopback bridge refuses everything that is not our own page with our token. */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendWebServer } from '../../../main/web/backend-server';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
let server: RunningWebServer;
let staticDir: string;

beforeAll(async () => {
  h = createHarness();
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>PAR</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'par-secret.txt'), 'secret');
  server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  h.dispose();
});

function request(opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const apiHeaders = (): Record<string, string> => ({ 'Content-Type': 'application/json', Origin: server.origin, 'X-PAR-Token': server.token });

describe('web bridge', () => {
  it('listens on the loopback address only and prints a URL with a long random token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    expect(server.url).toBe(`${server.origin}/?token=${server.token}`);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const r = await request({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const p of ['/../par-secret.txt', '/%2e%2e/par-secret.txt', '/..%2fpar-secret.txt', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd']) {
      const r = await request({ path: p });
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });

  it('answers an API call with the token, our Origin and our Host', async () => {
    const r = await request({ method: 'POST', path: '/api/app:info', headers: apiHeaders(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { dataDir: h.dataDir } });
  });

  it.each([
    ['no token', { 'X-PAR-Token': '' }],
    ['a wrong token', { 'X-PAR-Token': 'x'.repeat(32) }],
    ['another origin', { Origin: 'http://evil.example' }],
    ['a rebinding host', { Host: `evil.example:${5180}` }],
    ['a form post', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('refuses a call with %s', async (_label, override) => {
    const headers = { ...apiHeaders(), ...override } as Record<string, string>;
    const r = await request({ method: 'POST', path: '/api/agencies:list', headers, body: '{}' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN');
  });

  it('refuses a call without an Origin header', async () => {
    const { Origin: _origin, ...headers } = apiHeaders();
    const r = await request({ method: 'POST', path: '/api/agencies:list', headers, body: '{}' });
    expect(r.status).toBe(403);
  });

  it('survives a malformed request target and keeps serving', async () => {
    const net = await import('node:net');
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`GET //[ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    expect((await request({ path: '/' })).status).toBe(200);
  });

  it('returns a Vietnamese error for an unknown channel or bad JSON, never a stack trace', async () => {
    const unknown = await request({ method: 'POST', path: '/api/fs:readFile', headers: apiHeaders(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const bad = await request({ method: 'POST', path: '/api/agencies:list', headers: apiHeaders(), body: '{"a":' });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
