/** "Nhập gói" given a response package ("gói giải trình", par-response/v1): the upload route
 *  (main/transfer/package-upload.ts) recognises it and records it into the assessment it answers
 *  for, on the receiving copy (the data folder as it was before the answers). The result says it
 *  is a response import; a verified backup is taken first and undoes it; the same package again
 *  changes nothing and takes no backup; a copy without the assessment refuses it, nothing changed.
 *  A full package through the same route still imports as before (kind "package"). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageUploadImportResult } from '../../../shared/api/channels/package';
import type { Result } from '../../../shared/api/result';
import { uploadEvidenceFile } from '../../../main/transfer/evidence-upload';
import { uploadPackage } from '../../../main/transfer/package-upload';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { dumpTables } from '../../helpers/package-fixture';
import { makePdf } from '../../helpers/sample-documents';

let source: Harness;
let receiver: Harness;
let assessmentId: number;
let agencyId: number;
let packageBytes: Buffer;
let work: string;

const EXPLANATION = 'Kế hoạch ban hành chậm do sáp nhập đơn vị.';

async function* once(bytes: Buffer) {
  yield bytes;
}

function importUpload(h: Harness, bytes: Buffer): Promise<Result<PackageUploadImportResult>> {
  return uploadPackage(h.ctx, new URLSearchParams({ action: 'import' }), once(bytes), new AbortController().signal) as Promise<Result<PackageUploadImportResult>>;
}

const backupsOf = (h: Harness) => (fs.existsSync(path.join(h.dataDir, 'backups')) ? fs.readdirSync(path.join(h.dataDir, 'backups')).sort() : []);
const incomingOf = (h: Harness) => (fs.existsSync(path.join(h.dataDir, 'incoming')) ? fs.readdirSync(path.join(h.dataDir, 'incoming')) : []);

async function answers(h: Harness) {
  const v = await h.call('appraisal:get', { assessmentId });
  return v.criteria.filter((c) => c.request !== 'none').map((c) => ({ code: c.code, explanation: c.explanation, open: c.open, documents: c.documents.map((d) => d.docNumber) }));
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-response-upload-'));
  source = createHarness();
  const a = await submittedAssessment(source);
  assessmentId = a.assessmentId;
  agencyId = a.agencyId;
  const r = await upload(source, assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash)));
  if (!r.ok) throw new Error(r.error.message);
  source.ctx.close();
  const copy = path.join(work, 'ban-nhan');
  fs.cpSync(source.dataDir, copy, { recursive: true });
  source.reopen();
  receiver = createHarness(copy);

  await source.call('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: EXPLANATION });
  const added = await source.call('appraisal:addDocument', { assessmentId, round: 1, code: '1.4.2', draft: { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report', summary: 'Báo cáo tin, bài tuyên truyền CCHC' } });
  const file = await uploadEvidenceFile(source.ctx, new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(added.itemId), name: 'tin-bai.pdf' }), once(makePdf('tin bai')), new AbortController().signal);
  if (!file.ok) throw new Error(file.error.message);
  const exported = await source.call('appraisal:exportResponsePackage', { assessmentId, docNumber: '15', docDate: '2027-02-03', recipients: [] });
  packageBytes = fs.readFileSync(path.join(source.dataDir, exported.downloadPath));
}, 120_000);
afterAll(() => {
  source.dispose();
  receiver.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('"Nhập gói" with a response package', () => {
  it('records it into the assessment it answers for, says so, and takes a backup first that undoes it', async () => {
    const before = await answers(receiver);
    expect(before.map((c) => c.open)).toEqual([true, true]);
    const backups = backupsOf(receiver);
    const r = await importUpload(receiver, packageBytes);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ kind: 'response', agencyId, assessmentId, round: 1, unchanged: false, created: { items: 1, files: 1, explanations: 1, links: 1 } });
    if (r.value.kind !== 'response') throw new Error('not a response import');
    expect(r.value.undoBackup).toMatch(/-before-import\.sqlite$/);
    expect(backupsOf(receiver)).toEqual([...backups, r.value.undoBackup].sort());
    expect(await answers(receiver)).toEqual(await answers(source));
    expect(incomingOf(receiver)).toEqual([]);

    // "Hoàn tác lần nhập": the answers are open again; undoing the undo brings the import back.
    const undone = await receiver.call('backups:restore', { folder: 'backups', fileName: r.value.undoBackup! });
    expect(await answers(receiver)).toEqual(before);
    await receiver.call('backups:restore', { folder: 'backups', fileName: undone.safetyBackup });
    expect(await answers(receiver)).toEqual(await answers(source));
  });

  it('the same package again changes nothing: no row, no history, no backup', async () => {
    const tables = dumpTables(receiver.ctx.db);
    const hash = databaseFileHash(receiver);
    const backups = backupsOf(receiver);
    const r = await importUpload(receiver, packageBytes);
    expect(r).toEqual({ ok: true, value: { kind: 'response', agencyId, assessmentId, round: 1, unchanged: true, created: { items: 0, files: 0, explanations: 0, links: 0 }, undoBackup: null } });
    expect(dumpTables(receiver.ctx.db)).toEqual(tables);
    expect(databaseFileHash(receiver)).toBe(hash);
    expect(backupsOf(receiver)).toEqual(backups);
    expect(incomingOf(receiver)).toEqual([]);
  });

  it('a copy without the assessment refuses it in Vietnamese; the database and the backups are unchanged', async () => {
    const empty = createHarness();
    try {
      const hash = databaseFileHash(empty);
      const backups = backupsOf(empty);
      const r = await importUpload(empty, packageBytes);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/^Máy này không có kỳ đánh giá của SỞ NỘI VỤ, năm 2026, .* Dữ liệu trên máy không thay đổi\.$/);
      expect(databaseFileHash(empty)).toBe(hash);
      expect(backupsOf(empty)).toEqual(backups);
      expect(incomingOf(empty)).toEqual([]);
    } finally {
      empty.dispose();
    }
  });

  it('a full package through the same route imports as before, marked kind "package"', async () => {
    const exported = await source.call('package:export', { assessmentId });
    const fresh = createHarness();
    try {
      const r = await importUpload(fresh, fs.readFileSync(path.join(source.dataDir, exported.downloadPath)));
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toMatchObject({ kind: 'package', unchanged: false, created: { agency: true, assessment: true }, undoBackup: expect.stringMatching(/-before-import\.sqlite$/) });
    } finally {
      fresh.dispose();
    }
  });
});
