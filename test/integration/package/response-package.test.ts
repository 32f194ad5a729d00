/** The response package ("gói giải trình", par-response/v1) end to end on real SQLite files and
 *  real zips: the agency answers round 1 (an explanation, a new document with its file, an existing
 *  document linked), exports the package (only what the answers attach, not the library) → verify
 *  ok → the receiving copy (the data folder as it was before the answers) imports it: the answers
 *  and documents arrive; importing again changes nothing (database compared); a tampered entry
 *  fails verification with a Vietnamese message; another agency's assessment or a copy without the
 *  assessment refuses it and nothing changes; a full-package import refuses it plainly. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponsePackageExport } from '../../../shared/api/channels/appraisal';
import { importPackageFile } from '../../../main/package/import-package';
import { importResponsePackage } from '../../../main/package/import-response';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { insertItem } from '../../../main/store/queries/evidence';
import { uploadEvidenceFile } from '../../../main/transfer/evidence-upload';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';
import { agencyDraft } from '../../helpers/agency-fixture';
import { dumpTables } from '../../helpers/package-fixture';
import { PackageParts } from '../../helpers/package-hostile';
import { makePdf } from '../../helpers/sample-documents';
import { repoRoot } from '../../helpers/web-server-process';
import { readZipText } from '../../helpers/zip-read';

let source: Harness;
let receiver: Harness;
let assessmentId: number;
let exported: ResponsePackageExport;
let packageFile: string;
let work: string;

const EXPLANATION = 'Kế hoạch ban hành chậm do sáp nhập đơn vị.';
const ADDED = { docNumber: '45/BC-SNV', issuedOn: '2027-01-25', issuer: 'Sở Nội vụ', docType: 'report' as const, summary: 'Báo cáo tin, bài tuyên truyền CCHC' };

async function uploadFile(h: Harness, itemId: number, name: string, bytes: Buffer) {
  async function* body() {
    yield bytes;
  }
  const r = await uploadEvidenceFile(h.ctx, new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name }), body(), new AbortController().signal);
  if (!r.ok) throw new Error(r.error.message);
}

function par(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'main', 'bin', 'par.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PAR_DATA_DIR: '' }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** What the appraisal screen shows of the answers, without local ids. */
async function answersShown(h: Harness, id: number) {
  const v = await h.call('appraisal:get', { assessmentId: id });
  return v.criteria.filter((c) => c.request !== 'none').map((c) => ({ code: c.code, explanation: c.explanation, open: c.open, documents: c.documents.map(({ itemId: _id, ...d }) => d) }));
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'par-response-'));
  source = createHarness();
  const a = await submittedAssessment(source);
  assessmentId = a.assessmentId;
  const r = await upload(source, assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash)));
  if (!r.ok) throw new Error(r.error.message);
  // The receiving copy: the data folder as Sở Nội vụ holds it, after the appraisal and before the answers.
  source.ctx.close();
  const copy = path.join(work, 'ban-nhan');
  fs.cpSync(source.dataDir, copy, { recursive: true });
  source.reopen();
  receiver = createHarness(copy);

  const db = source.ctx.db;
  const now = source.ctx.now();
  const linked = insertItem(db, a.agencyId, { docNumber: '12/QĐ-SNV', issuedOn: '2026-03-01', issuer: 'Sở Nội vụ', docType: 'decision', summary: 'Quyết định ban hành kế hoạch' }, now);
  insertItem(db, a.agencyId, { docNumber: '99/TB-SNV', issuedOn: null, issuer: '', docType: 'other', summary: 'Tài liệu khác trong thư viện' }, now);
  await source.call('appraisal:respond', { assessmentId, round: 1, code: '1.1.1', explanation: EXPLANATION });
  await source.call('appraisal:linkDocument', { assessmentId, round: 1, code: '1.1.1', itemId: linked.id });
  const added = await source.call('appraisal:addDocument', { assessmentId, round: 1, code: '1.4.2', draft: ADDED });
  await uploadFile(source, added.itemId, 'tin-bai.pdf', makePdf('tin bai'));
  exported = await source.call('appraisal:exportResponsePackage', { assessmentId, docNumber: '15', docDate: '2027-02-03', recipients: [] });
  packageFile = path.join(source.dataDir, exported.downloadPath);
}, 120_000);
afterAll(() => {
  source.dispose();
  receiver.dispose();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the response package', () => {
  it('holds the round, the two requests with their answers, only the attached documents, the .docx, and verifies', async () => {
    expect(exported).toMatchObject({ fileName: 'goi-giai-trinh-cchc-2026-snv-vong-1.zip', round: 1, requests: 2, evidenceFiles: 1 });
    const zip = fs.readFileSync(packageFile);
    const manifest = JSON.parse(readZipText(zip, 'manifest.json')) as { format: string; round: number; files: { path: string }[] };
    expect(manifest.format).toBe('par-response/v1');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(['giai-trinh.docx', 'giai-trinh.json', 'tai-lieu-kiem-chung/1.4.2/45-BC-SNV/tin-bai.pdf']);
    const doc = JSON.parse(readZipText(zip, 'giai-trinh.json')) as { requests: { code: string; explanation: string }[]; evidence: { docNumber: string; codes: string[]; added: boolean }[] };
    expect(doc.requests.map((r) => [r.code, r.explanation])).toEqual([['1.1.1', EXPLANATION], ['1.4.2', '']]);
    expect(doc.evidence.map((e) => [e.docNumber, e.codes, e.added])).toEqual([['12/QĐ-SNV', ['1.1.1'], false], ['45/BC-SNV', ['1.4.2'], true]]);
    const report = await verifyPackageFile(packageFile);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, checkedFiles: 3, summary: { agencyName: 'SỞ NỘI VỤ', year: 2026, totals: null, response: { round: 1, requests: 2 } } });
  });

  it('imports into the receiving copy: answers and documents arrive; the second import changes nothing', async () => {
    const before = await answersShown(receiver, assessmentId);
    expect(before.map((c) => c.open)).toEqual([true, true]);
    const first = await importResponsePackage(receiver.ctx, packageFile);
    expect(first).toMatchObject({ assessmentId, round: 1, unchanged: false, created: { items: 2, files: 1, explanations: 1, links: 2 } });
    expect(await answersShown(receiver, assessmentId)).toEqual(await answersShown(source, assessmentId));
    const history = await receiver.call('history:list', { assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 1 });
    expect(history.entries.map((e) => [e.kind, e.action])).toEqual([['import', 'response']]);

    const tables = dumpTables(receiver.ctx.db);
    const hash = databaseFileHash(receiver);
    const again = await importResponsePackage(receiver.ctx, packageFile, { assessmentId });
    expect(again).toMatchObject({ unchanged: true, created: { items: 0, files: 0, explanations: 0, links: 0 } });
    expect(dumpTables(receiver.ctx.db)).toEqual(tables);
    expect(databaseFileHash(receiver)).toBe(hash);
  });

  it('a tampered entry fails verification with a Vietnamese message, and import refuses it', async () => {
    const parts = new PackageParts(fs.readFileSync(packageFile));
    const json = parts.data('giai-trinh.json');
    const forged = Buffer.from(json.toString('utf8').replace('ban hành chậm do', 'BAN hành chậm do'), 'utf8');
    expect(forged.length).toBe(json.length);
    const files = parts.files.map((f) => (f.name === 'giai-trinh.json' ? { ...f, data: forged } : f));
    const file = path.join(work, 'bi-sua.zip');
    fs.writeFileSync(file, parts.zip(files, { listed: parts.files }));
    const report = await verifyPackageFile(file);
    expect(report.ok).toBe(false);
    expect(report.altered).toEqual(['giai-trinh.json']);
    expect(report.problems[0]!.message).toBe('Tệp "giai-trinh.json" đã bị thay đổi: mã SHA-256 tính lại không khớp với manifest.json.');
    await expect(importResponsePackage(receiver.ctx, file)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Gói hồ sơ không hợp lệ nên không được nhập') });
  });

  it('the zip rules and strict schemas hold: an escaping entry, an unknown key in manifest.json or in giai-trinh.json are refused', async () => {
    const parts = new PackageParts(fs.readFileSync(packageFile));
    const write = (name: string, bytes: Buffer) => {
      const file = path.join(work, name);
      fs.writeFileSync(file, bytes);
      return verifyPackageFile(file);
    };
    const escaping = await write('thoat.zip', parts.with({ name: '../../thoat-ra.pdf', data: makePdf('x') }));
    expect(escaping).toMatchObject({ ok: false, refused: true });
    expect(escaping.problems[0]!.message).toContain('chứa đoạn ".."');
    const extraKey = await write('khoa-la.zip', parts.zip(parts.files, { change: (m) => (m.thêm = 1) }));
    expect(extraKey).toMatchObject({ ok: false, refused: true });
    expect(extraKey.problems[0]!.message).toMatch(/^Tệp manifest\.json sai cấu trúc/);
    const doc = JSON.parse(parts.data('giai-trinh.json').toString('utf8')) as Record<string, unknown>;
    const files = parts.files.map((f) => (f.name === 'giai-trinh.json' ? { ...f, data: Buffer.from(JSON.stringify({ ...doc, ghiChu: 'x' })) } : f));
    const docKey = await write('khoa-la-2.zip', parts.zip(files));
    expect(docKey.ok).toBe(false);
    expect(docKey.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^Tệp giai-trinh\.json không hợp lệ/)]);
  });

  it('another agency\'s assessment, or a copy without the assessment, refuses it and nothing changes', async () => {
    const other = await receiver.call('agencies:create', { ...agencyDraft(), name: 'SỞ TƯ PHÁP', abbreviation: 'STP' });
    const setHash = (await receiver.call('assessments:open', { assessmentId })).assessment.setHash;
    const theirs = await receiver.call('assessments:create', { agencyId: other.id, year: 2026, setHash });
    const hash = databaseFileHash(receiver);
    await expect(importResponsePackage(receiver.ctx, packageFile, { assessmentId: theirs.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Gói giải trình này của cơ quan "SỞ NỘI VỤ", không phải "SỞ TƯ PHÁP". Dữ liệu trên máy không thay đổi.',
    });
    expect(databaseFileHash(receiver)).toBe(hash);

    const empty = createHarness();
    try {
      const emptyHash = databaseFileHash(empty);
      await expect(importResponsePackage(empty.ctx, packageFile)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Máy này không có kỳ đánh giá của SỞ NỘI VỤ, năm 2026') });
      expect(databaseFileHash(empty)).toBe(emptyHash);
    } finally {
      empty.dispose();
    }
  });

  it('the full-package import says plainly that this is a response package', async () => {
    await expect(importPackageFile(receiver.ctx, packageFile, { overwrite: false })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Tệp này là gói giải trình (vòng thẩm định 1)') });
  });
});

describe('par verify / par import-package on a response package', { timeout: 240_000 }, () => {
  it('verify: exit 0, says it is a response package for round 1; exit 1 on a tampered copy', () => {
    const r = par('verify', packageFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Loại gói: gói giải trình cho vòng thẩm định 1 (2 đề nghị).');
    expect(r.out).toContain('Cơ quan: SỞ NỘI VỤ — năm 2026');
    expect(r.out).toContain('KẾT QUẢ: HỢP LỆ — gói giải trình vòng 1: mọi tệp khớp với bảng kê manifest.json.');
    expect(r.out).not.toContain('Tổng điểm');
    const bad = par('verify', path.join(work, 'bi-sua.zip'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('[bị thay đổi] Tệp "giai-trinh.json" đã bị thay đổi');
  });

  it('import-package recognises the response package; the second time nothing changes', () => {
    receiver.ctx.close();
    try {
      const r = par('import-package', '--data', receiver.dataDir, packageFile);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Gói giải trình vòng 1 đã được nhập trước đây; dữ liệu không thay đổi');
    } finally {
      receiver.reopen();
    }
  });
});
