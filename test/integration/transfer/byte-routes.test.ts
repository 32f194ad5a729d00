/** The byte routes answer the same way under both hosts: Electron's app:// protocol
 *  (shell/app-streams.ts, run here with Node's own Request/Response) and the web bridge reach one
 *  route table (transfer/transfer-routes.ts) and one error path, so an upload, a refusal and a
 *  missing file look alike to the page in both modes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { blobsDir } from '../../../main/evidence/blob-store';
import { routeAppStream } from '../../../main/shell/app-streams';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { filesUnder } from '../../helpers/evidence-temp';
import { newDepartmentAssessment } from '../../helpers/report-assessment';
import { makePdf } from '../../helpers/sample-documents';

let h: Harness;
let server: RunningWebServer;
let assessmentId: number;
let itemId: number;

beforeEach(async () => {
  h = createHarness();
  server = await startBridge(h);
  const created = await newDepartmentAssessment(h);
  assessmentId = created.assessmentId;
  const code = leavesOf(created.set)[0]!.node.code;
  const draft = { docNumber: '125/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND thành phố Đà Nẵng', docType: 'plan' as const, summary: 'Kế hoạch CCHC' };
  itemId = (await h.call('evidence:create', { assessmentId, code, draft })).item!.id;
});
afterEach(async () => {
  await server.close();
  h.dispose();
});

const uploadQuery = (name: string, size: number) => new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name, size: String(size) });

async function appRequest(pathAndQuery: string, init: { method?: string; body?: Buffer } = {}): Promise<{ status: number; type: string | null; body: Buffer }> {
  const request = new Request(`app://renderer${pathAndQuery}`, { method: init.method ?? 'GET', body: init.body, duplex: 'half' } as RequestInit);
  const res = await routeAppStream(request, h.ctx);
  if (!res) throw new Error(`${pathAndQuery} is not a byte route`);
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

async function webUpload(name: string, body: Buffer): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server.origin}/upload/evidence?${uploadQuery(name, body.length)}`, {
    method: 'POST',
    headers: { Origin: server.origin, 'X-PAR-Token': server.token, 'Content-Type': 'application/octet-stream' },
    body,
  });
  return { status: res.status, json: await res.json() };
}

describe('byte routes under both hosts', () => {
  it('stores an upload through app:// and serves it back by file id, as the web bridge does', async () => {
    const pdf = makePdf('Ke hoach');
    const uploaded = await appRequest(`/upload/evidence?${uploadQuery('Kế hoạch.pdf', pdf.length)}`, { method: 'POST', body: pdf });
    const result = JSON.parse(uploaded.body.toString()) as { ok: boolean; value: { fileId: number; displayName: string } };
    expect(uploaded.status).toBe(200);
    expect(result).toMatchObject({ ok: true, value: { displayName: 'Kế hoạch.pdf' } });
    const viaApp = await appRequest(`/files/evidence/${result.value.fileId}`);
    const viaWeb = await fetch(`${server.origin}/files/evidence/${result.value.fileId}?token=${server.token}`);
    expect(viaApp).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(viaApp.body.equals(pdf)).toBe(true);
    expect(Buffer.from(await viaWeb.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('refuses an upload into a locked assessment with the same Result in both hosts, keeping nothing', async () => {
    setAssessmentStatus(h.ctx.db, assessmentId, 'final', h.ctx.now());
    const pdf = makePdf('a');
    const viaApp = await appRequest(`/upload/evidence?${uploadQuery('a.pdf', pdf.length)}`, { method: 'POST', body: pdf });
    const viaWeb = await webUpload('a.pdf', pdf);
    const refusal = { ok: false, error: { code: 'CONFLICT', message: 'Kỳ đánh giá đã khóa, không sửa được tài liệu kiểm chứng.' } };
    expect({ status: viaApp.status, json: JSON.parse(viaApp.body.toString()) }).toEqual({ status: 200, json: refusal });
    expect(viaWeb).toEqual({ status: 200, json: refusal });
    expect(filesUnder(blobsDir(h.dataDir))).toEqual([]);
  });

  it('answers a missing file or export with the same 404 Result in both hosts', async () => {
    const notFound = { ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy tệp.' } };
    for (const p of ['/files/evidence/999', '/exports/khong-co.docx']) {
      const viaApp = await appRequest(p);
      const viaWeb = await fetch(`${server.origin}${p}?token=${server.token}`);
      expect({ status: viaApp.status, json: JSON.parse(viaApp.body.toString()) }, p).toEqual({ status: 404, json: notFound });
      expect({ status: viaWeb.status, json: await viaWeb.json() }, p).toEqual({ status: 404, json: notFound });
    }
  });

  it('refuses an upload URL opened without a body in app://, and leaves renderer URLs to the file server', async () => {
    const viaApp = await appRequest('/upload/evidence');
    expect({ status: viaApp.status, json: JSON.parse(viaApp.body.toString()) }).toEqual({ status: 405, json: { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ chấp nhận POST.' } } });
    expect(await routeAppStream(new Request('app://renderer/index.html'), h.ctx)).toBeNull();
  });
});
