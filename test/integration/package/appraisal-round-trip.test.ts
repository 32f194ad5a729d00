/** Appraisal data in the FULL package: an assessment exported after the appraisal carries its
 *  rounds, appraised points, comments, requests and answers (with the documents attached, even one
 *  that backs no criterion) → verify ok → import into a fresh data folder shows the same appraisal;
 *  importing again changes nothing. A copy imported before the appraisal takes the appraisal from
 *  the later package without asking to overwrite. A package of an assessment without appraisal
 *  has no `appraisal` part (older packages keep their shape). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackageFile } from '../../../main/package/import-package';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { insertItem } from '../../../main/store/queries/evidence';
import { uploadEvidenceFile } from '../../../main/transfer/evidence-upload';
import { createHarness, withFreshHarness, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { expectReimportUnchanged, exportPackageAs } from '../../helpers/package-round-trip';
import { makePdf } from '../../helpers/sample-documents';
import { readZipText } from '../../helpers/zip-read';

let source: Harness;
let assessmentId: number;
let before: string;
let after: string;

async function uploadFile(h: Harness, itemId: number, name: string, bytes: Buffer) {
  async function* body() {
    yield bytes;
  }
  const r = await uploadEvidenceFile(h.ctx, new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name }), body(), new AbortController().signal);
  if (!r.ok) throw new Error(r.error.message);
}

/** The appraisal screen's content without local ids. */
async function appraisalShown(h: Harness, id: number) {
  const { assessmentId: _a, criteria, ...v } = await h.call('appraisal:get', { assessmentId: id });
  return { ...v, criteria: criteria.map((c) => ({ ...c, documents: c.documents.map(({ itemId: _i, ...d }) => d) })) };
}

beforeAll(async () => {
  source = createHarness();
  const a = await submittedAssessment(source);
  assessmentId = a.assessmentId;
  before = await exportPackageAs(source, assessmentId, 'truoc-tham-dinh.zip');
  const r = await upload(source, assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash)));
  if (!r.ok) throw new Error(r.error.message);
  const linked = insertItem(source.ctx.db, a.agencyId, { docNumber: '12/QĐ-SNV', issuedOn: '2026-03-01', issuer: 'Sở Nội vụ', docType: 'decision', summary: 'Quyết định ban hành kế hoạch' }, source.ctx.now());
  await source.call('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: 'Kế hoạch ban hành chậm do sáp nhập đơn vị.' });
  await source.call('appraisal:linkDocument', { assessmentId, round: 1, code: '1.1.1', itemId: linked.id });
  const added = await source.call('appraisal:addDocument', { assessmentId, round: 1, code: '1.4.2', draft: { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report', summary: 'Báo cáo tin, bài tuyên truyền CCHC' } });
  await uploadFile(source, added.itemId, 'tin-bai.pdf', makePdf('tin bai'));
  after = path.join(source.dataDir, (await source.call('package:export', { assessmentId })).downloadPath);
}, 120_000);
afterAll(() => source.dispose());

describe('the full package with appraisal data', () => {
  it('carries the round and the answers; the package before the appraisal has no appraisal part; both verify', async () => {
    const doc = JSON.parse(readZipText(fs.readFileSync(after), 'assessment.json')) as { appraisal?: { rounds: { round: number; points: unknown[] }[]; responses: { code: string; documents: unknown[] }[] }; evidence: { docNumber: string; codes: string[] }[] };
    expect(doc.appraisal!.rounds.map((r) => [r.round, r.points.length])).toEqual([[1, 3]]);
    expect(doc.appraisal!.responses.map((r) => [r.code, r.documents.length])).toEqual([['1.1.1', 1], ['1.4.2', 1]]);
    expect(doc.evidence.filter((e) => e.codes.length === 0).map((e) => e.docNumber).sort()).toEqual(['12/QĐ-SNV', '45/BC-SNV']);
    expect(Object.keys(JSON.parse(readZipText(fs.readFileSync(before), 'assessment.json')) as object)).not.toContain('appraisal');
    for (const file of [before, after]) expect((await verifyPackageFile(file)).problems).toEqual([]);
  });

  it('imports into a fresh data folder with the same appraisal; the second import changes nothing', () =>
    withFreshHarness(async (target) => {
      const first = await importPackageFile(target.ctx, after, { overwrite: false });
      expect(first.unchanged).toBe(false);
      expect(await appraisalShown(target, first.assessmentId)).toEqual(await appraisalShown(source, assessmentId));
      await expectReimportUnchanged(target, after);
    }));

  it('a copy imported before the appraisal takes it from the later package without an overwrite', () =>
    withFreshHarness(async (target) => {
      const first = await importPackageFile(target.ctx, before, { overwrite: false });
      expect((await target.call('appraisal:get', { assessmentId: first.assessmentId })).rounds).toEqual([]);
      const later = await importPackageFile(target.ctx, after, { overwrite: false });
      expect(later).toMatchObject({ assessmentId: first.assessmentId, unchanged: false, overwritten: false });
      expect(await appraisalShown(target, first.assessmentId)).toEqual(await appraisalShown(source, assessmentId));
      const history = await target.call('history:list', { assessmentId: first.assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 1 });
      expect(history.entries.map((e) => [e.kind, e.action])).toEqual([['import', 'package-parts']]);
      await expectReimportUnchanged(target, after);
      // The older package does not take the appraisal away, nor ask to.
      await expectReimportUnchanged(target, before);
    }));
});
