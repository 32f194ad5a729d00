/**
 * Thousands of generated requests against the real loopback bridge on 127.0.0.1: odd methods,
 * paths (traversal in every encoding, "%" alone, NUL, Unicode, very long), Host/Origin/token
 * headers right and wrong, extra header bytes, JSON bodies of any shape. Every request gets an
 * answer within seconds, never a 5xx, every JSON refusal is Vietnamese, nothing outside the served
 * folders ever comes back, and the database file is byte-identical afterwards.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackendWebServer } from '../../../main/web/backend-server';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { notVietnamese, UNICODE_EDGES, FUZZ_SEED } from '../../helpers/fuzz-payloads';
import { packagedAssessment } from '../../helpers/package-fixture';

const REQUESTS = Number(process.env.PAR_FUZZ_REQUESTS ?? 3000);
const SEED = FUZZ_SEED;
const PARALLEL = 8;
let h: Harness;
let server: RunningWebServer;


beforeAll(async () => {
  h = createHarness();
  const a = await packagedAssessment(h);
  await h.call('package:export', { assessmentId: a.assessmentId });
  fs.writeFileSync(path.join(h.dataDir, 'exports', '50%.docx'), 'PK');
  const staticDir = fs.mkdtempSync(path.join(h.dataDir, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>PAR</title>');
  server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
}, 120_000);
afterAll(async () => {
  await server.close();
  h.dispose();
});

interface Sent {
  method: string;
  target: string;
  headers: [string, string][];
  body: string;
}

/** Channels that only read: a generated body cannot change data through them. */
const READ_CHANNELS = ['app:info', 'agencies:list', 'criteriaSets:list', 'assessments:list', 'assessments:open', 'evidence:gaps', 'search:query', 'report:getSettings', 'package:verifyExport'];
const PREFIXES = ['/', '/index.html', '/api/', '/files/evidence/', '/exports/', '/upload/evidence', '/upload/package', '/upload/appraisal', '/assets/', '//', '/\\'];
const TAILS = ['', '1', '..%2fpar.sqlite', '%2e%2e/par.sqlite', '..\\par.sqlite', '%2e%2e%5cpar.sqlite', '....//par.sqlite', 'par.sqlite', '%00', '%', '%zz', '%252e%252e%252f', '50%25.docx', '50%.docx', 'x'.repeat(9000), '%C0%AE%C0%AE/', '?token=', '#x', ...READ_CHANNELS, 'backups%3Acreate'];

/** Percent-encoded, or the raw string when it cannot be (a lone surrogate) with spaces escaped. */
function encoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return Buffer.from(text, 'utf8').toString('latin1').replace(/[\s]/g, '%20');
  }
}

function requestArb(port: number, token: string): fc.Arbitrary<Sent> {
  const tail = fc.oneof(fc.constantFrom(...TAILS), fc.constantFrom(...UNICODE_EDGES).map(encoded), fc.webSegment(), fc.string({ maxLength: 30 }).map(encoded));
  const query = fc.oneof(fc.constant(''), fc.constant(`?token=${token}`), fc.constant(`?token=${token}&download=1`), fc.webQueryParameters().map((q) => `?${q}`), fc.constant(`?token=${token}&itemId=1&assessmentId=1&fileName=a.pdf&size=3`));
  const host = fc.constantFrom(`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, 'evil.example', '', `127.0.0.1:${port}.evil.example`, '127.0.0.1', `[::1]:${port}`);
  const origin = fc.constantFrom(`http://127.0.0.1:${port}`, 'null', 'http://evil.example', '', `http://127.0.0.1:${port}/`, undefined);
  const tokenHeader = fc.constantFrom(token, `${token} `, token.toUpperCase(), '', 'a'.repeat(token.length), undefined);
  const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'multipart/form-data', undefined);
  const extra = fc.array(fc.tuple(fc.constantFrom('X-Forwarded-For', 'Range', 'If-None-Match', 'Cookie', 'X-Odd', 'Transfer-Encoding-X'), fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 40 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) })), { maxLength: 2 });
  const body = fc.oneof(fc.constant(''), fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }), fc.constant('{"__proto__":{"x":1}}'), fc.constant(`${'['.repeat(3000)}${']'.repeat(3000)}`));
  const method = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH', 'GE T');
  return fc
    .record({ method, prefix: fc.constantFrom(...PREFIXES), tail, query, host, origin, tokenHeader, contentType, extra, body })
    .map((r) => {
      const headers: [string, string][] = [['Host', r.host]];
      if (r.origin !== undefined) headers.push(['Origin', r.origin]);
      if (r.tokenHeader !== undefined) headers.push(['X-PAR-Token', r.tokenHeader]);
      if (r.contentType !== undefined) headers.push(['Content-Type', r.contentType]);
      headers.push(...r.extra);
      return { method: r.method, target: `${r.prefix}${r.tail}${r.query}`, headers, body: r.body };
    });
}

/** One request on its own connection; the raw answer, or null when none came within 5 s. */
function send(port: number, req: Sent): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => finish(true), 5000);
    const finish = (timedOut: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(timedOut && chunks.length === 0 ? null : Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => {});
    socket.on('close', () => finish(false));
    const body = Buffer.from(req.body, 'utf8');
    const head = [`${req.method} ${req.target} HTTP/1.1`, ...req.headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${body.length}`, 'Connection: close', '', ''].join('\r\n');
    socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}

/** The body of a raw answer, chunked or not. */
function bodyOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  let rest = raw.slice(split + 4);
  if (!/transfer-encoding: chunked/i.test(raw.slice(0, split))) return rest;
  let body = '';
  for (;;) {
    const line = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, line), 16);
    if (!(size > 0)) return body;
    body += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
}

/** The first thing wrong with a raw answer, or null. */
function problemOf(raw: string | null): string | null {
  if (raw === null) return 'no answer within 5 s';
  const status = /^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1];
  if (!status) return raw.length === 0 ? null : `not an HTTP answer: ${raw.slice(0, 80)}`; // a connection closed on a malformed request
  if (Number(status) >= 500) return `status ${status}`;
  if (raw.includes('SQLite format 3')) return 'served the database';
  const json = /content-type: application\/json/i.test(raw) && Number(status) >= 400 ? bodyOf(raw) : null;
  if (json) {
    const message = (JSON.parse(Buffer.from(json, 'latin1').toString('utf8')) as { error?: { message?: string } }).error?.message;
    return notVietnamese(message);
  }
  return null;
}

it(`answers ${REQUESTS.toLocaleString('en')} hostile requests without a 5xx, in Vietnamese, the database unchanged`, async () => {
  const before = databaseFileHash(h);
  const requests = fc.sample(requestArb(server.port, server.token), { numRuns: REQUESTS, seed: SEED });
  const statuses = new Map<string, number>();
  const started = Date.now();
  for (let i = 0; i < requests.length; i += PARALLEL) {
    const batch = requests.slice(i, i + PARALLEL);
    const answers = await Promise.all(batch.map((r) => send(server.port, r)));
    for (const [j, raw] of answers.entries()) {
      const problem = problemOf(raw);
      if (problem) throw new Error(`${problem}\nrequest: ${JSON.stringify(batch[j]).slice(0, 500)}\n(seed ${SEED})`);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(raw!)?.[1] ?? 'closed';
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  console.log(`web bridge fuzz (seed ${SEED}): ${requests.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; answers by status:`, Object.fromEntries([...statuses].sort()));
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(REQUESTS);
  const good = await fetch(`${server.origin}/api/agencies:list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.origin, 'X-PAR-Token': server.token }, body: '{}' });
  expect(good.status).toBe(200);
  expect(databaseFileHash(h), 'the database file changed').toBe(before);
}, 300_000);
