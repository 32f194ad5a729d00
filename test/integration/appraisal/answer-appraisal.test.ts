/** Answering the council on a real SQLite file: an explanation, an existing document linked, a
 *  new document added with its file while the assessment is appraised (read only for self scores);
 *  each change has its history row; the open-request count follows; nothing else may change. Then
 *  the response .docx converted by LibreOffice holds each request and its answer. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSoffice, convertDocxToPdf } from '../../../main/report/libreoffice';
import { uploadEvidenceFile } from '../../../main/transfer/evidence-upload';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { makePdf } from '../../helpers/sample-documents';
import { agencyDraft } from '../../helpers/agency-fixture';
import { insertItem } from '../../../main/store/queries/evidence';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

const noFilter = { kind: null, code: null, from: null, to: null };
const soffice = findSoffice();
const canConvert = soffice !== null && spawnSync('pdftotext', ['-v']).error === undefined;

async function appraised() {
  const a = await submittedAssessment(h);
  const r = await upload(h, a.assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash)));
  if (!r.ok) throw new Error(r.error.message);
  return a;
}

async function uploadFile(assessmentId: number, itemId: number, name: string, bytes: Buffer) {
  async function* body() {
    yield bytes;
  }
  return uploadEvidenceFile(h.ctx, new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name }), body(), new AbortController().signal);
}

describe('answering the appraisal', () => {
  it('explains one request, adds a new document with its file to the other; history rows; open count goes to 0', async () => {
    const { assessmentId } = await appraised();
    const target = { assessmentId, round: 1 };
    let v = await h.call('appraisal:respond', { ...target, code: '1.1.1', explanation: 'Kế hoạch ban hành chậm do sáp nhập đơn vị.' });
    expect(v.openRequests).toBe(1);
    expect(v.criteria.find((c) => c.code === '1.1.1')).toMatchObject({ explanation: 'Kế hoạch ban hành chậm do sáp nhập đơn vị.', open: false });

    const draft = { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report' as const, summary: 'Báo cáo tin, bài tuyên truyền CCHC' };
    const added = await h.call('appraisal:addDocument', { ...target, code: '1.4.2', draft });
    expect(added.appraisal.openRequests).toBe(0);
    const stored = await uploadFile(assessmentId, added.itemId, 'tin-bai.pdf', makePdf('tin bai'));
    expect(stored.ok, JSON.stringify(stored)).toBe(true);
    v = await h.call('appraisal:get', { assessmentId });
    expect(v.criteria.find((c) => c.code === '1.4.2')!.documents).toEqual([
      { itemId: added.itemId, docNumber: '45/BC-SNV', issuedOn: '2027-01-25', summary: 'Báo cáo tin, bài tuyên truyền CCHC', fileNames: ['tin-bai.pdf'], added: true },
    ]);

    const rows = (await h.call('history:list', { assessmentId, filter: noFilter, beforeId: null, limit: 10 })).entries.map((e) => [e.kind, e.action, e.code]);
    expect(rows.slice(0, 4)).toEqual([
      ['file', 'add', null],
      ['link', 'response-link', '1.4.2'],
      ['evidence', 'create', null],
      ['answer', 'response', '1.1.1'],
    ]);
    // The same explanation again records nothing.
    const count = async () => (await h.call('history:list', { assessmentId, filter: noFilter, beforeId: null, limit: 1 })).total;
    const before = await count();
    await h.call('appraisal:respond', { ...target, code: '1.1.1', explanation: 'Kế hoạch ban hành chậm do sáp nhập đơn vị. ' });
    expect(await count()).toBe(before);
  });

  it('links an existing document and unlinks it; refuses a criterion without a request, another agency\'s document, and self scores stay read only', async () => {
    const { assessmentId } = await appraised();
    const other = await h.call('agencies:create', { ...agencyDraft(), name: 'SỞ TƯ PHÁP', abbreviation: 'STP' });
    const foreign = insertItem(h.ctx.db, other.id, { docNumber: '9/KH-STP', issuedOn: null, issuer: '', docType: 'plan', summary: 'Của cơ quan khác' }, h.ctx.now());
    const target = { assessmentId, round: 1, code: '1.4.2' };
    expect(await h.fail('appraisal:respond', { assessmentId, round: 1, code: '1.6', explanation: 'x' })).toMatchObject({ code: 'NOT_FOUND', message: 'Vòng thẩm định 1 không có đề nghị nào cho tiêu chí 1.6.' });
    expect(await h.fail('appraisal:linkDocument', { ...target, itemId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.fail('appraisal:linkDocument', { ...target, itemId: foreign.id })).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy tài liệu kiểm chứng.' });
    const { itemId } = await h.call('appraisal:addDocument', { ...target, draft: { docNumber: '1/KH', issuedOn: null, issuer: '', docType: 'plan', summary: 'Kế hoạch' } });
    const code2 = { ...target, code: '1.1.1' };
    let v = await h.call('appraisal:linkDocument', { ...code2, itemId });
    expect(v.criteria.find((c) => c.code === '1.1.1')!.documents.map((d) => [d.itemId, d.added])).toEqual([[itemId, false]]);
    v = await h.call('appraisal:unlinkDocument', { ...code2, itemId });
    expect(v.criteria.find((c) => c.code === '1.1.1')!.documents).toEqual([]);
    // Self scores stay read only.
    expect(await h.fail('answers:save', { assessmentId, code: '1.6', answer: { input: { kind: 'yesNo', achieved: true }, notApplicable: false, explanation: '' } })).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses answers once the result is published (closed)', async () => {
    const { assessmentId } = await appraised();
    await h.call('lifecycle:close', { assessmentId, result: { finalScore: 80, indexPercent: 80, className: 'Tốt', rank: 2, rankOf: 10, publishedOn: null } });
    expect(await h.fail('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: 'x' })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the response report (.docx)', () => {
  it.skipIf(!canConvert)('converts with LibreOffice; its text holds the title, number, each request and its answer, the documents, signature and recipients', async () => {
    const { assessmentId } = await appraised();
    await h.call('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: 'Kế hoạch ban hành chậm do sáp nhập đơn vị.' });
    await h.call('appraisal:addDocument', { assessmentId, round: 1, code: '1.4.2', draft: { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report', summary: 'Báo cáo tin, bài tuyên truyền CCHC' } });
    const out = await h.call('appraisal:exportResponse', { assessmentId, docNumber: '15', docDate: '2027-02-03', recipients: ['- Sở Nội vụ (Hội đồng thẩm định);'] });
    expect(out.fileName).toBe('bao-cao-giai-trinh-2026-snv.docx');
    const pdf = await convertDocxToPdf(fs.readFileSync(path.join(h.dataDir, out.downloadPath)), soffice!);
    const pdfFile = path.join(h.dataDir, 'giai-trinh.pdf');
    fs.writeFileSync(pdfFile, pdf);
    const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'BÁO CÁO',
      'Giải trình, bổ sung tài liệu kiểm chứng kết quả tự đánh giá',
      'Số: 15/BC-SNV',
      'ngày 03 tháng 02 năm 2027',
      'Tiêu chí 1.1.1',
      'Đề nghị giải trình (hạn 05/02/2027): Kế hoạch ban hành chậm.',
      'Giải trình: Kế hoạch ban hành chậm do sáp nhập đơn vị.',
      'Tiêu chí 1.4.2',
      'Đề nghị bổ sung tài liệu kiểm chứng (hạn 05/02/2027): Thiếu tin, bài đã',
      'Số 45/BC-SNV ngày 25/01/2027: Báo cáo tin, bài tuyên truyền CCHC',
      'Nơi nhận:',
      '- Sở Nội vụ (Hội đồng thẩm định);',
    ]) expect(text).toContain(expected);
  }, 180_000);
});
