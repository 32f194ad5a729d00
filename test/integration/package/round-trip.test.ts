/** The submission package end to end: export → verify → import into a FRESH data folder → the
 *  same totals, answers, evidence and byte-identical blobs; importing again changes nothing; an
 *  existing assessment with other answers is never overwritten silently. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageExport } from '../../../shared/api/channels/package';
import { currentTotals } from '../../../main/assessment/assessment-view';
import { blobPath } from '../../../main/evidence/blob-store';
import { importPackageFile } from '../../../main/package/import-package';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { listAnswers } from '../../../main/store/queries/answers';
import { listItemsForAssessment } from '../../../main/store/queries/evidence';
import { getReportSettings } from '../../../main/store/queries/report-settings';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { dumpTables, listFiles, packagedAssessment, sha256File, type PackagedAssessment } from '../../helpers/package-fixture';

let source: Harness;
let target: Harness;
let a: PackagedAssessment;
let exported: PackageExport;
let packageFile: string;
let importedAgencyId: number;

beforeAll(async () => {
  source = createHarness();
  target = createHarness();
  a = await packagedAssessment(source);
  exported = await source.call('package:export', { assessmentId: a.assessmentId });
  packageFile = path.join(source.dataDir, exported.downloadPath);
}, 60_000);
afterAll(() => {
  source.dispose();
  target.dispose();
});

const answersOf = (h: Harness, id: number) => listAnswers(h.ctx.db, id).map(({ code, input, notApplicable, explanation, updatedAt }) => ({ code, input, notApplicable, explanation, updatedAt }));
const evidenceOf = (h: Harness, id: number) =>
  listItemsForAssessment(h.ctx.db, id)
    .map((i) => ({
      docNumber: i.docNumber,
      issuedOn: i.issuedOn,
      issuer: i.issuer,
      docType: i.docType,
      summary: i.summary,
      files: i.files.map((f) => [f.displayName, f.hash, f.size, f.mediaType]),
      codes: i.links.filter((l) => l.assessmentId === id).map((l) => l.code),
    }))
    .sort((x, y) => x.summary.localeCompare(y.summary));

describe('package round trip', () => {
  it('exports under exports/ with the readable file name and the report state', () => {
    expect(exported.fileName).toBe('goi-tu-danh-gia-cchc-2026-snv.zip');
    expect(exported.downloadPath).toBe(`exports/${exported.fileName}`);
    expect(exported.reportDraft).toBe(false);
    expect(exported.evidenceFiles).toBe(4); // the PNG shared by two items is stored once
    expect(fs.statSync(packageFile).size).toBe(exported.size);
    expect(fs.readdirSync(path.dirname(packageFile)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('verifies (every hash recomputed, nothing missing, extra or altered), also through package:verifyExport', async () => {
    const report = await verifyPackageFile(packageFile);
    expect(report).toMatchObject({ ok: true, refused: false, missing: [], extra: [], altered: [], problems: [] });
    expect(report.checkedFiles).toBe(8); // assessment.json, criteria-set.json, bao-cao.docx, lich-su.json and 4 evidence files
    expect(report.summary?.agencyName).toBe('SỞ NỘI VỤ');
    expect(await source.call('package:verifyExport', { fileName: exported.fileName })).toEqual(report);
  });

  it('package:verifyExport takes only a plain name of a file in exports/', async () => {
    expect((await source.fail('package:verifyExport', { fileName: '../par.sqlite.zip' })).code).toBe('INVALID_INPUT');
    expect((await source.fail('package:verifyExport', { fileName: 'C:\\x.zip' })).code).toBe('INVALID_INPUT');
    expect((await source.fail('package:verifyExport', { fileName: 'khong-co.zip' })).code).toBe('NOT_FOUND');
  });

  it('imports into a fresh data folder: same totals, answers, evidence, report settings and byte-identical blobs', async () => {
    const result = await importPackageFile(target.ctx, packageFile, { overwrite: false });
    importedAgencyId = result.agencyId;
    expect(result.unchanged).toBe(false);
    expect(result.created).toMatchObject({ agency: true, criteriaSet: false, assessment: true, items: 4, files: 5 });
    expect(currentTotals(target.ctx.db, result.assessmentId)).toEqual(currentTotals(source.ctx.db, a.assessmentId));
    expect(answersOf(target, result.assessmentId)).toEqual(answersOf(source, a.assessmentId));
    expect(evidenceOf(target, result.assessmentId)).toEqual(evidenceOf(source, a.assessmentId));
    const settings = (h: Harness, id: number) => ({ ...getReportSettings(h.ctx.db, id), assessmentId: 0, updatedAt: '' });
    expect(settings(target, result.assessmentId)).toEqual(settings(source, a.assessmentId));
    for (const item of listItemsForAssessment(source.ctx.db, a.assessmentId)) {
      for (const f of item.files) expect(sha256File(blobPath(target.dataDir, f.hash))).toBe(f.hash);
    }
  });

  it('importing the same package again changes nothing (every table, every file)', async () => {
    const tables = dumpTables(target.ctx.db);
    const files = listFiles(target.dataDir);
    const result = await importPackageFile(target.ctx, packageFile, { overwrite: false });
    expect(result.unchanged).toBe(true);
    expect(result.created).toEqual({ agency: false, criteriaSet: false, assessment: false, items: 0, files: 0, links: 0, answers: 0 });
    expect(dumpTables(target.ctx.db)).toEqual(tables);
    expect(listFiles(target.dataDir)).toEqual(files);
  });

  it('refuses with NEEDS_CONFIRMATION when the assessment here has other answers, and replaces them only with overwrite', async () => {
    const id = (await target.call('assessments:list', { agencyId: importedAgencyId })).assessments[0]!.id;
    const first = answersOf(target, id)[0]!;
    await target.call('answers:save', { assessmentId: id, code: first.code, answer: { input: first.input, notApplicable: first.notApplicable, explanation: 'Sửa trên máy này' } });
    const tables = dumpTables(target.ctx.db);
    await expect(importPackageFile(target.ctx, packageFile, { overwrite: false })).rejects.toMatchObject({ code: 'NEEDS_CONFIRMATION', message: expect.stringContaining('Không có gì bị ghi đè') });
    expect(dumpTables(target.ctx.db)).toEqual(tables);
    const result = await importPackageFile(target.ctx, packageFile, { overwrite: true });
    expect(result).toMatchObject({ overwritten: true, assessmentId: id, undoBackup: expect.stringMatching(/-before-import\.sqlite$/) });
    expect(answersOf(target, id)).toEqual(answersOf(source, a.assessmentId));
    // "Hoàn tác lần nhập": the backup taken before the import brings the local edit back, and undoing that undo brings the import back.
    const undone = await target.call('backups:restore', { folder: 'backups', fileName: result.undoBackup });
    expect(answersOf(target, id).find((x) => x.code === first.code)?.explanation).toBe('Sửa trên máy này');
    await target.call('backups:restore', { folder: 'backups', fileName: undone.safetyBackup });
    expect(answersOf(target, id)).toEqual(answersOf(source, a.assessmentId));
    expect(currentTotals(target.ctx.db, id)).toEqual(currentTotals(source.ctx.db, a.assessmentId));
  });

  it('a failure after verification (a file above this install\'s size limit) leaves the database unchanged and no temp file', async () => {
    const other = createHarness();
    try {
      other.ctx.maxEvidenceBytes = 300;
      const tables = dumpTables(other.ctx.db);
      await expect(importPackageFile(other.ctx, packageFile, { overwrite: false })).rejects.toMatchObject({ code: 'TOO_LARGE' });
      expect(dumpTables(other.ctx.db)).toEqual(tables);
      expect(Object.keys(listFiles(other.dataDir)).filter((f) => !f.startsWith(path.join('evidence', 'blobs')))).toEqual([]);
    } finally {
      other.dispose();
    }
  });

  it('stores already-compressed types and deflates text, with the UTF-8 flag on every name', async () => {
    const { centralEntries } = await import('../../helpers/package-raw-zip');
    const entries = centralEntries(fs.readFileSync(packageFile));
    const pdf = entries.find((e) => e.name.endsWith('Kế hoạch CCHC 2026.pdf'))!;
    expect(pdf.name).toBe('tai-lieu-kiem-chung/1.1.1/125-KH-SNV/Kế hoạch CCHC 2026.pdf');
    expect(pdf.method).toBe(0);
    expect(entries.find((e) => e.name === 'bao-cao.docx')!.method).toBe(0);
    expect(entries.find((e) => e.name === 'assessment.json')!.method).toBe(8);
    expect(entries.every((e) => (e.flags & 0x800) !== 0)).toBe(true);
    expect(entries.every((e) => e.name === e.name.normalize('NFC'))).toBe(true);
    expect(entries.map((e) => e.name)).toContain('tai-lieu-kiem-chung/1.2.1/khong-so-ky-hieu/Bảng niêm yết.pdf');
  });
});
