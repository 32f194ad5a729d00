/**
 * Cancelling a streamed evidence upload by its id (evidence:cancelUpload), with real uploads
 * streamed into a real data folder. Over app:// (Electron's protocol.handle) the Request has no
 * abort signal: the body below just stops arriving, as when the page gave up; the explicit cancel
 * must still stop the import and leave nothing. The web bridge gets the same cancel while the
 * connection stays open.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { loadCriteriaSet } from '../../../main/criteria/set-cache';
import { blobsDir, tempDir } from '../../../main/evidence/blob-store';
import { routeAppStream } from '../../../main/shell/app-streams';
import { startBackendWebServer } from '../../../main/web/backend-server';
import { agencyDraft } from '../../helpers/agency-fixture';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { filesUnder, pdfBytes } from '../../helpers/evidence-temp';

const MIB = 1024 * 1024;
let h: Harness;
let assessmentId: number;
let itemId: number;

beforeEach(async () => {
  h = createHarness();
  const agency = await h.call('agencies:create', agencyDraft());
  const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'department')!;
  assessmentId = (await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: set.hash })).id;
  const code = leavesOf(loadCriteriaSet(h.ctx.db, set.hash))[0]!.node.code;
  const draft = { docNumber: '125/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND thành phố Đà Nẵng', docType: 'plan' as const, summary: 'Kế hoạch CCHC năm 2026' };
  itemId = (await h.call('evidence:create', { assessmentId, code, draft })).item!.id;
});
afterEach(() => h.dispose());

const newUploadId = (): string => crypto.randomBytes(16).toString('hex');
const query = (uploadId: string, size: number): string =>
  new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name: 'Kế hoạch.pdf', size: String(size), uploadId }).toString();
const rowCounts = () => [h.ctx.db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get(), h.ctx.db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()];

function expectNothingKept(): void {
  expect(rowCounts()).toEqual([0, 0]);
  expect(filesUnder(blobsDir(h.dataDir))).toEqual([]);
  expect(filesUnder(tempDir(h.dataDir))).toEqual([]);
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** A body that sends `sent` bytes of `data`, then neither ends nor errors: the page gave up, the protocol does not say so. */
function stallingBody(data: Buffer, sent: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < sent; at += MIB) controller.enqueue(new Uint8Array(data.subarray(at, Math.min(sent, at + MIB))));
    },
  });
}

function appUpload(uploadId: string, body: ReadableStream<Uint8Array> | Buffer, size: number): Promise<Response | null> {
  const request = new Request(`app://renderer/upload/evidence?${query(uploadId, size)}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
  return routeAppStream(request, h.ctx);
}

describe('upload cancel over app:// (no abort signal on the request)', () => {
  it('a cancel by id while the body is streaming stops the import and keeps nothing', async () => {
    const data = pdfBytes(8 * MIB);
    const uploadId = newUploadId();
    const route = appUpload(uploadId, stallingBody(data, 3 * MIB), data.length);
    await until(() => filesUnder(tempDir(h.dataDir)).length === 1); // the import is writing its temp file
    expect(await h.call('evidence:cancelUpload', { uploadId })).toEqual({ cancelled: true });
    const response = (await route)!;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, error: { code: 'CANCELLED', message: expect.stringMatching(/hủy/i) } });
    expectNothingKept();
    expect(await h.call('evidence:cancelUpload', { uploadId })).toEqual({ cancelled: true }); // still nothing stored
  });

  it('a cancel that arrives before the upload makes it store nothing', async () => {
    const uploadId = newUploadId();
    expect(await h.call('evidence:cancelUpload', { uploadId })).toEqual({ cancelled: true });
    const data = pdfBytes(MIB);
    const response = (await appUpload(uploadId, data, data.length))!;
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('CANCELLED');
    expectNothingKept();
  });

  it('a cancel after the file is stored answers false and the file stays; an upload id is used once', async () => {
    const uploadId = newUploadId();
    const data = pdfBytes(MIB);
    const stored = (await (await appUpload(uploadId, data, data.length))!.json()) as { ok: boolean };
    expect(stored.ok).toBe(true);
    expect(await h.call('evidence:cancelUpload', { uploadId })).toEqual({ cancelled: false });
    expect(rowCounts()).toEqual([1, 1]);
    const again = (await (await appUpload(uploadId, data, data.length))!.json()) as { error: { code: string; message: string } };
    expect(again.error).toEqual({ code: 'INVALID_INPUT', message: 'Mã lượt tải lên đã được dùng; hãy tải tệp lên lại.' });
  });

  it('refuses a malformed upload id before reading a byte, and a malformed cancel', async () => {
    const data = pdfBytes(MIB);
    const refused = (await (await appUpload('../x', data, data.length))!.json()) as { error: { code: string } };
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect((await h.fail('evidence:cancelUpload', { uploadId: 'A'.repeat(32) })).code).toBe('INVALID_INPUT');
    expectNothingKept();
  });
});

describe('upload cancel on the web bridge', () => {
  it('the same cancel answers the upload at once although its connection is still open', async () => {
    const staticDir = fs.mkdtempSync(path.join(h.dataDir, 'static-'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    const server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
    try {
      const data = pdfBytes(8 * MIB);
      const uploadId = newUploadId();
      const url = new URL(`/upload/evidence?${query(uploadId, data.length)}`, server.origin);
      const answer = new Promise<string>((resolve, reject) => {
        const req = http.request(url, { method: 'POST', headers: { Origin: server.origin, 'X-PAR-Token': server.token, 'Content-Length': data.length } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        });
        req.on('error', reject);
        req.write(data.subarray(0, 2 * MIB)); // and no more: the rest never comes, the socket stays open
      });
      await until(() => filesUnder(tempDir(h.dataDir)).length === 1);
      const cancel = await fetch(`${server.origin}/api/evidence:cancelUpload`, {
        method: 'POST',
        headers: { Origin: server.origin, 'X-PAR-Token': server.token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ uploadId }),
      });
      expect(await cancel.json()).toEqual({ ok: true, value: { cancelled: true } });
      expect(JSON.parse(await answer)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      expectNothingKept();
    } finally {
      await server.close();
    }
  });
});
