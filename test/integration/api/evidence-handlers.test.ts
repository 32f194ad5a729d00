/** Evidence through the real dispatch and the real web bridge: upload, link, preview, gaps,
 *  search, delete and garbage collection after a backup point. */
import fs from 'node:fs';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { blobPath, blobsDir, tempDir } from '../../../main/evidence/blob-store';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { filesUnder } from '../../helpers/evidence-temp';
import { newDepartmentAssessment } from '../../helpers/report-assessment';
import { makePdf, PNG_1X1 } from '../../helpers/sample-documents';
import { agencyDraft } from '../../helpers/agency-fixture';

let h: Harness;
let server: RunningWebServer;
let assessmentId: number;
let yesNoCode: string;
let otherCode: string;

const draft = (docNumber: string, summary: string) => ({ docNumber, issuedOn: '2026-01-05', issuer: 'UBND thành phố Đà Nẵng', docType: 'plan' as const, summary });

beforeEach(async () => {
  h = createHarness();
  server = await startBridge(h);
  const created = await newDepartmentAssessment(h);
  assessmentId = created.assessmentId;
  const leaves = leavesOf(created.set).map((v) => v.node);
  yesNoCode = leaves.find((l) => l.rule?.kind === 'yesNo')!.code;
  otherCode = leaves.find((l) => l.rule?.kind === 'manual')!.code;
});
afterEach(async () => {
  await server.close();
  h.dispose();
});

function upload(itemId: number, name: string, body: Buffer, opts: { abortAfter?: number; assessmentId?: number } = {}): Promise<Result<ImportedFile> | 'aborted'> {
  const query = new URLSearchParams({ assessmentId: String(opts.assessmentId ?? assessmentId), itemId: String(itemId), name, size: String(body.length) });
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/upload/evidence?${query}`, headers: { Origin: server.origin, 'X-PAR-Token': server.token, 'Content-Type': 'application/octet-stream', 'Content-Length': body.length } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text)));
      },
    );
    req.on('error', (err) => (opts.abortAfter !== undefined ? resolve('aborted') : reject(err)));
    if (opts.abortAfter !== undefined) {
      req.write(body.subarray(0, opts.abortAfter));
      setTimeout(() => req.destroy(), 200);
    } else req.end(body);
  });
}

async function get(p: string): Promise<{ status: number; type: string | undefined; body: Buffer }> {
  const res = await fetch(`${server.origin}${p}`);
  return { status: res.status, type: res.headers.get('content-type') ?? undefined, body: Buffer.from(await res.arrayBuffer()) };
}

describe('evidence', () => {
  it('uploads files to an item, links it to a second criterion, and serves the PDF for preview', async () => {
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('125/KH-UBND', 'Kế hoạch cải cách hành chính năm 2026') });
    const itemId = created.item!.id;
    const pdf = makePdf('Ke hoach CCHC 2026');
    const first = await upload(itemId, 'Kế hoạch CCHC.pdf'.normalize('NFD'), pdf);
    const second = await upload(itemId, 'anh-chup.png', PNG_1X1);
    expect(first).toMatchObject({ ok: true, value: { displayName: 'Kế hoạch CCHC.pdf', mediaType: 'application/pdf', size: pdf.length } });
    expect(second).toMatchObject({ ok: true, value: { mediaType: 'image/png' } });
    const linked = await h.call('evidence:link', { assessmentId, code: otherCode, itemId });
    expect(linked.item!.links.map((l) => l.code).sort()).toEqual([otherCode, yesNoCode].sort());
    expect(linked.item!.files).toHaveLength(2);

    const fileId = (first as { value: ImportedFile }).value.fileId;
    const served = await get(`/files/evidence/${fileId}?token=${server.token}`);
    expect(served.status).toBe(200);
    expect(served.type).toBe('application/pdf');
    expect(served.body.equals(pdf)).toBe(true);
    expect((await get(`/files/evidence/${fileId}`)).status).toBe(403);
    expect((await get(`/files/evidence/../../par.sqlite?token=${server.token}`)).status).toBe(404);
  });

  it('refuses an upload without the token or from another origin', async () => {
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('1/BC', 'Báo cáo') });
    const res = await fetch(`${server.origin}/upload/evidence?assessmentId=${assessmentId}&itemId=${created.item!.id}&name=a.pdf`, { method: 'POST', headers: { Origin: 'http://evil.example', 'X-PAR-Token': server.token }, body: makePdf('x') });
    expect(res.status).toBe(403);
    expect((await h.call('evidence:listForAssessment', { assessmentId })).items[0]!.files).toHaveLength(0);
  });

  it('refuses an upload into a locked assessment or to an item of another agency, keeping nothing', async () => {
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('3/BC', 'Báo cáo năm') });
    const itemId = created.item!.id;
    setAssessmentStatus(h.ctx.db, assessmentId, 'final', h.ctx.now());
    expect(await upload(itemId, 'a.pdf', makePdf('a'))).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Kỳ đánh giá đã khóa, không sửa được tài liệu kiểm chứng.' } });
    setAssessmentStatus(h.ctx.db, assessmentId, 'draft', h.ctx.now());
    const other = await h.call('agencies:create', agencyDraft({ name: 'UBND PHƯỜNG HẢI CHÂU', abbreviation: 'HC', level: 'commune' }));
    const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'commune')!;
    const otherAssessment = (await h.call('assessments:create', { agencyId: other.id, year: 2026, setHash: set.hash })).id;
    expect(await upload(itemId, 'a.pdf', makePdf('a'), { assessmentId: otherAssessment })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await h.call('evidence:listForAssessment', { assessmentId })).items[0]!.files).toHaveLength(0);
    expect(filesUnder(blobsDir(h.dataDir))).toEqual([]);
  });

  it('leaves no row and no temp file when an upload is cut off', async () => {
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('2/BC', 'Báo cáo quý') });
    const big = Buffer.concat([makePdf('x'), Buffer.alloc(2 * 1024 * 1024, 7)]);
    expect(await upload(created.item!.id, 'lon.pdf', big, { abortAfter: 256 * 1024 })).toBe('aborted');
    await new Promise((r) => setTimeout(r, 300));
    expect((await h.call('evidence:listForAssessment', { assessmentId })).items[0]!.files).toHaveLength(0);
    expect(fs.readdirSync(tempDir(h.dataDir))).toEqual([]);
  });

  it('lists a scored leaf without evidence or explanation as a gap until evidence or an explanation backs it', async () => {
    await h.call('answers:save', { assessmentId, code: yesNoCode, answer: { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: '' } });
    expect((await h.call('evidence:gaps', { assessmentId })).leaves.map((l) => l.code)).toContain(yesNoCode);
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('3/QĐ', 'Quyết định') });
    // A document without a file backs nothing: the leaf stays a gap, and the document is listed as file-less.
    expect(created.totals.needsExplanationCodes).toContain(yesNoCode);
    const fileless = await h.call('evidence:gaps', { assessmentId });
    expect(fileless.leaves.map((l) => l.code)).toContain(yesNoCode);
    expect(fileless.itemsWithoutFiles.map((i) => i.id)).toEqual([created.item!.id]);
    expect(await upload(created.item!.id, 'qd.pdf', makePdf('quyet dinh'))).toMatchObject({ ok: true });
    const gaps = await h.call('evidence:gaps', { assessmentId });
    expect(gaps.leaves.map((l) => l.code)).not.toContain(yesNoCode);
    expect(gaps.itemsWithoutFiles).toEqual([]);
    await h.call('evidence:unlink', { assessmentId, code: yesNoCode, itemId: created.item!.id });
    expect((await h.call('evidence:gaps', { assessmentId })).leaves.map((l) => l.code)).toContain(yesNoCode);
    await h.call('answers:save', { assessmentId, code: yesNoCode, answer: { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: 'Đã thực hiện, văn bản đang trình ký' } });
    expect((await h.call('evidence:gaps', { assessmentId })).leaves.map((l) => l.code)).not.toContain(yesNoCode);
  });

  it('finds criteria and evidence without diacritics, đ included', async () => {
    await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('125/KH-UBND', 'Kế hoạch đào tạo, bồi dưỡng cán bộ năm 2026') });
    const r = await h.call('search:query', { assessmentId, query: 'dao tao' });
    expect(r.evidence.map((e) => e.item.docNumber)).toEqual(['125/KH-UBND']);
    expect(r.evidence[0]!.codes).toEqual([yesNoCode]);
    const plan = await h.call('search:query', { assessmentId, query: 'ke hoach' });
    expect(plan.criteria.length).toBeGreaterThan(0);
    expect(plan.criteria.every((c) => c.matchedIn !== 'code')).toBe(true);
  });

  it('says how many documents match in all (a count, not the page length) and pages through every one', async () => {
    for (let i = 1; i <= 120; i++) await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft(`${i}/KH-UBND`, `Kế hoạch số ${i}`) });
    for (let i = 1; i <= 5; i++) await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft(`${i}/TB`, 'Thông báo') });
    const first = await h.call('search:query', { assessmentId, query: 'ke hoach' });
    expect(first.evidenceTotal).toBe(120);
    expect(first.evidence).toHaveLength(50);
    const seen = new Set(first.evidence.map((e) => e.item.docNumber));
    for (let offset = 50; offset < 120; offset += 50) {
      const page = await h.call('search:query', { assessmentId, query: 'ke hoach', evidenceOffset: offset });
      expect(page.evidenceTotal).toBe(120);
      expect(page.criteria).toEqual([]);
      for (const e of page.evidence) seen.add(e.item.docNumber);
    }
    expect(seen.size).toBe(120);
    const none = await h.call('search:query', { assessmentId, query: 'khong co gi nay' });
    expect([none.evidenceTotal, none.criteria.length]).toEqual([0, 0]);

    // The reuse dialog's list: pages of 100 from the database, filtered and counted there.
    const { agencies } = await h.call('agencies:list', {});
    const agencyId = agencies[0]!.id;
    const all = await h.call('evidence:listForAgency', { agencyId });
    expect([all.items.length, all.total, all.agencyTotal]).toEqual([100, 125, 125]);
    const rest = await h.call('evidence:listForAgency', { agencyId, offset: 100 });
    expect(new Set([...all.items, ...rest.items].map((i) => i.id)).size).toBe(125);
    const plans = await h.call('evidence:listForAgency', { agencyId, query: 'thong bao' });
    expect([plans.items.length, plans.total, plans.agencyTotal]).toEqual([5, 5, 125]);

    // The completeness list: the documents without a file, counted in all and paged by 100.
    const gaps = await h.call('evidence:gaps', { assessmentId });
    expect([gaps.itemsWithoutFiles.length, gaps.itemsWithoutFilesTotal]).toEqual([100, 125]);
    const more = await h.call('evidence:gaps', { assessmentId, itemsOffset: 100 });
    expect(new Set([...gaps.itemsWithoutFiles, ...more.itemsWithoutFiles].map((i) => i.id)).size).toBe(125);
  });

  it('deletes an unused item and removes its file from disk only after the next backup', async () => {
    const created = await h.call('evidence:create', { assessmentId, code: yesNoCode, draft: draft('4/TB', 'Thông báo') });
    const itemId = created.item!.id;
    const uploaded = (await upload(itemId, 'tb.pdf', makePdf('thong bao'))) as { value: ImportedFile };
    const blob = blobPath(h.dataDir, uploaded.value.hash);
    const refused = await h.fail('evidence:delete', { assessmentId, itemId });
    expect(refused.code).toBe('CONFLICT');
    await h.call('evidence:unlink', { assessmentId, code: yesNoCode, itemId });
    await h.call('evidence:delete', { assessmentId, itemId });
    expect(fs.existsSync(blob)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    const backup = await h.call('backups:create', {});
    expect(backup.removedBlobs).toBe(1);
    expect(fs.existsSync(blob)).toBe(false);
  });
});
