/** Holes a review found in the loopback bridge: a refused request cannot hold its connection open
 *  by trickling its body, an oversized JSON body gets the 413 reply, an export whose name holds
 *  "%" downloads, and a symbolic link in the exports folder is never followed. */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendWebServer } from '../../../main/web/backend-server';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, type Harness } from '../../helpers/app-harness';

let h: Harness;
let server: RunningWebServer;
let exportsDir: string;

beforeAll(async () => {
  h = createHarness();
  const staticDir = fs.mkdtempSync(path.join(h.dataDir, 'static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  exportsDir = path.join(h.dataDir, 'exports');
  fs.mkdirSync(exportsDir, { recursive: true });
  server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
});
afterAll(async () => {
  await server.close();
  h.dispose();
});

/** Sends the head of a request with a large Content-Length, then one byte every 100 ms; resolves
 *  with what the server answered and how long after that answer it closed the connection. */
function trickle(head: string): Promise<{ reply: string; closedAfterMs: number | null }> {
  return new Promise((resolve) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let reply = '';
    let repliedAt = 0;
    const timer = setInterval(() => socket.writable && socket.write('x'), 100);
    const give = setTimeout(() => finish(null), 8000);
    const finish = (closedAfterMs: number | null) => {
      clearInterval(timer);
      clearTimeout(give);
      socket.destroy();
      resolve({ reply, closedAfterMs });
    };
    socket.on('data', (c: Buffer) => {
      reply += c.toString();
      repliedAt ||= Date.now();
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(repliedAt ? Date.now() - repliedAt : 0));
    socket.write(head);
  });
}

const headOf = (target: string, headers: Record<string, string>): string =>
  `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

describe('web bridge holes', () => {
  it('closes the connection of a refused request instead of reading its trickled body forever', async () => {
    for (const target of ['/api/agencies:list', '/upload/evidence']) {
      const r = await trickle(headOf(target, { Origin: 'http://evil.example' }));
      expect(r.reply, target).toMatch(/^HTTP\/1\.1 403/);
      expect(r.reply).toContain('Nguồn gọi không hợp lệ.');
      expect(r.closedAfterMs, `${target}: connection still open 8 s after the 403`).not.toBeNull();
      expect(r.closedAfterMs!).toBeLessThan(5000);
    }
  }, 30_000);

  it('answers a JSON body over 8 MiB with 413 and a Vietnamese message', async () => {
    const res = await fetch(`${server.origin}/api/agencies:list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.origin, 'X-PAR-Token': server.token },
      body: JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Dữ liệu gửi lên quá lớn.');
  });

  it('an early refusal of our own page’s upload reaches it as a Vietnamese Result (80 MiB body, not cut off)', async () => {
    const res = await fetch(`${server.origin}/upload/evidence?assessmentId=999999&itemId=999999&fileName=a.pdf&size=83886080`, {
      method: 'POST',
      headers: { Origin: server.origin, 'X-PAR-Token': server.token },
      body: Buffer.alloc(80 * 1024 * 1024),
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { ok: boolean; error: { message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]/);
  }, 30_000);

  it('downloads an export whose name holds "%" (decoded once)', async () => {
    fs.writeFileSync(path.join(exportsDir, '50%.docx'), 'PK fifty');
    const res = await fetch(`${server.origin}/exports/50%25.docx?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('PK fifty');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''50%25.docx");
  });

  it('never follows a symbolic link inside the exports folder', async () => {
    fs.symlinkSync(path.join(h.dataDir, 'par.sqlite'), path.join(exportsDir, 'co-so-du-lieu.zip'));
    fs.mkdirSync(path.join(h.dataDir, 'elsewhere'));
    fs.writeFileSync(path.join(h.dataDir, 'elsewhere', 'x.docx'), 'PK elsewhere');
    fs.symlinkSync(path.join(h.dataDir, 'elsewhere', 'x.docx'), path.join(exportsDir, 'lien-ket.docx'));
    for (const name of ['co-so-du-lieu.zip', 'lien-ket.docx']) {
      const res = await fetch(`${server.origin}/exports/${name}?token=${server.token}`);
      expect(res.status, name).toBe(404);
      expect(await res.text()).not.toContain('SQLite format');
    }
  });
});
