/** The response of ANY appraisal round that asked something, not only the newest: round 1 asks
 *  about 1.1.1 and 1.4.2 (answered, a document added), round 2 names 1.1.1 again without a request
 *  and asks about 1.6 (answered). The package and the .docx of round 1 hold round 1's requests and
 *  answers (1.1.1 included, though the screen now shows round 2's entry for it), those of round 2
 *  hold round 2's; both packages verify. Without a round the package is round 2's, as before. A
 *  round that does not exist or asked nothing is refused in Vietnamese and nothing is written. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { uploadEvidenceFile } from '../../../main/transfer/evidence-upload';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { docxParts, xmlText } from '../../helpers/docx-xml';
import { makePdf } from '../../helpers/sample-documents';
import { readZipEntry, readZipText } from '../../helpers/zip-read';

let h: Harness;
let assessmentId: number;
const EXPLAIN_1 = 'Kế hoạch ban hành chậm do sáp nhập đơn vị.';
const EXPLAIN_2 = 'Quy chế thi đua đã bổ sung nội dung CCHC từ tháng 6.';
const base = { docNumber: '15', docDate: '2027-02-03', recipients: [] as string[] };

const exportsDir = () => path.join(h.dataDir, 'exports');
const exported = () => (fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()).sort() : []);

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const v = await r;
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

beforeAll(async () => {
  h = createHarness();
  const a = await submittedAssessment(h);
  assessmentId = a.assessmentId;
  await ok(upload(h, assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash))));
  await h.call('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: EXPLAIN_1 });
  const added = await h.call('appraisal:addDocument', { assessmentId, round: 1, code: '1.4.2', draft: { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report', summary: 'Báo cáo tin, bài tuyên truyền CCHC' } });
  async function* pdf() {
    yield makePdf('tin bai');
  }
  await ok(uploadEvidenceFile(h.ctx, new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(added.itemId), name: 'tin-bai.pdf' }), pdf(), new AbortController().signal));
  const second = appraisalDoc(a.setHash, {
    round: 2,
    appraisedOn: '2027-02-20',
    criteria: [
      { code: '1.1.1', points: 1, comment: 'Đã giải trình hợp lý.' },
      { code: '1.6', points: 0, comment: 'Chưa thấy quy chế sửa đổi.', request: 'explain', deadline: '2027-03-01' },
    ],
  });
  await ok(upload(h, assessmentId, 'v2.json', jsonBytes(second)));
  await h.call('appraisal:respond', { assessmentId, round: 2, code: '1.6', explanation: EXPLAIN_2 });
}, 120_000);
afterAll(() => h.dispose());

interface GiaiTrinh {
  round: number;
  requests: { code: string; explanation: string }[];
  evidence: { docNumber: string; codes: string[] }[];
}

async function packageOf(round?: number) {
  const out = await h.call('appraisal:exportResponsePackage', { assessmentId, ...base, ...(round === undefined ? {} : { round }) });
  const file = path.join(h.dataDir, out.downloadPath);
  const zip = fs.readFileSync(file);
  const doc = JSON.parse(readZipText(zip, 'giai-trinh.json')) as GiaiTrinh;
  const docxText = xmlText(docxParts(readZipEntry(zip, 'giai-trinh.docx')).document);
  return { out, file, doc, docxText, manifest: JSON.parse(readZipText(zip, 'manifest.json')) as { round: number; requests: number } };
}

describe('the response of a chosen round', () => {
  it('the view lists both rounds as asking something', async () => {
    const view = await h.call('appraisal:get', { assessmentId });
    expect(view.requestRounds).toEqual([1, 2]);
  });

  it("round 1's package holds round 1's requests, answers and document; round 2's holds round 2's; both verify", async () => {
    const one = await packageOf(1);
    expect(one.out).toMatchObject({ fileName: 'goi-giai-trinh-cchc-2026-snv-vong-1.zip', round: 1, requests: 2, evidenceFiles: 1 });
    expect(one.manifest).toMatchObject({ round: 1, requests: 2 });
    expect(one.doc.round).toBe(1);
    expect(one.doc.requests.map((r) => [r.code, r.explanation])).toEqual([['1.1.1', EXPLAIN_1], ['1.4.2', '']]);
    expect(one.doc.evidence.map((e) => [e.docNumber, e.codes])).toEqual([['45/BC-SNV', ['1.4.2']]]);
    expect(one.docxText).toContain('Thực hiện kết quả thẩm định vòng 1 ngày 20/01/2027 của');
    expect(one.docxText).toContain(`Giải trình: ${EXPLAIN_1}`);
    expect(one.docxText).toContain('Tiêu chí 1.4.2');
    expect(one.docxText).not.toContain('Tiêu chí 1.6');

    const two = await packageOf(2);
    expect(two.out).toMatchObject({ fileName: 'goi-giai-trinh-cchc-2026-snv-vong-2.zip', round: 2, requests: 1, evidenceFiles: 0 });
    expect(two.doc.requests.map((r) => [r.code, r.explanation])).toEqual([['1.6', EXPLAIN_2]]);
    expect(two.doc.evidence).toEqual([]);
    expect(two.docxText).toContain(`Giải trình: ${EXPLAIN_2}`);
    expect(two.docxText).not.toContain('Tiêu chí 1.1.1');

    for (const [p, round, requests, files] of [[one, 1, 2, 3], [two, 2, 1, 2]] as const) {
      const report = await verifyPackageFile(p.file);
      expect(report.problems).toEqual([]);
      expect(report).toMatchObject({ ok: true, checkedFiles: files, summary: { response: { round, requests } } });
    }
  });

  it('without a round the package is the newest round with requests, as before', async () => {
    const newest = await packageOf();
    expect(newest.out).toMatchObject({ round: 2, requests: 1 });
  });

  it('the .docx of a round holds that round only and is named after it; without a round, every criterion\'s newest request', async () => {
    const one = await h.call('appraisal:exportResponse', { assessmentId, ...base, round: 1 });
    expect(one.fileName).toBe('bao-cao-giai-trinh-2026-snv-vong-1.docx');
    const text = xmlText(docxParts(fs.readFileSync(path.join(h.dataDir, one.downloadPath))).document);
    expect(text).toContain('Tiêu chí 1.1.1');
    expect(text).not.toContain('Tiêu chí 1.6');
    const all = await h.call('appraisal:exportResponse', { assessmentId, ...base });
    expect(all.fileName).toBe('bao-cao-giai-trinh-2026-snv.docx');
    const allText = xmlText(docxParts(fs.readFileSync(path.join(h.dataDir, all.downloadPath))).document);
    expect(allText).toContain('Tiêu chí 1.4.2');
    expect(allText).toContain('Tiêu chí 1.6');
  });

  it('a round that does not exist or asked nothing is refused in Vietnamese; nothing is written in exports/', async () => {
    const setHash = (await h.call('assessments:open', { assessmentId })).assessment.setHash;
    await ok(upload(h, assessmentId, 'v3.json', jsonBytes(appraisalDoc(setHash, { round: 3, criteria: [{ code: '1.6', points: 1, comment: 'Đạt.' }] }))));
    const before = exported();
    for (const channel of ['appraisal:exportResponsePackage', 'appraisal:exportResponse'] as const) {
      expect(await h.fail(channel, { assessmentId, ...base, round: 4 })).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Kỳ đánh giá này không có vòng thẩm định 4 (đã nhập: vòng 1, 2, 3). Không có tệp nào được ghi.',
      });
      expect(await h.fail(channel, { assessmentId, ...base, round: 3 })).toMatchObject({
        code: 'CONFLICT',
        message: 'Vòng thẩm định 3 không có đề nghị giải trình, bổ sung nào: không có gì để giải trình cho vòng này. Không có tệp nào được ghi.',
      });
      const outOfRange = await h.fail(channel, { assessmentId, ...base, round: 21 });
      expect(outOfRange.code).toBe('INVALID_INPUT');
      expect(outOfRange.issues?.[0]).toMatchObject({ path: 'round' });
      expect(outOfRange.issues?.[0]?.message).not.toMatch(/[Tt]oo big|[Nn]umber must/);
    }
    expect(exported()).toEqual(before);
    expect(fs.readdirSync(exportsDir()).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
    expect((await h.call('appraisal:get', { assessmentId })).requestRounds).toEqual([1, 2]);
  });
});
