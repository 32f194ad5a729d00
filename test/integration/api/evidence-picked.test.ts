/** Desktop "Chọn tệp" through the real dispatch: files chosen in the system picker are granted by
 *  id and imported by main from their paths. The only stand-in is the OS dialog itself
 *  (pickEvidenceFiles returns real files written to a temp folder). */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import { loadCriteriaSet } from '../../../main/criteria/set-cache';
import { blobPath, blobsDir, tempDir } from '../../../main/evidence/blob-store';
import { PickedFiles, PICK_GRANT_TTL_MS } from '../../../main/evidence/picked-files';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { filesUnder, pdfBytes, sha256 } from '../../helpers/evidence-temp';
import { makePdf, PNG_1X1 } from '../../helpers/sample-documents';
import { agencyDraft } from '../../helpers/agency-fixture';

const MIB = 1024 * 1024;
const GONE = { code: 'NOT_FOUND', message: 'Không tìm thấy tệp đã chọn; hãy chọn lại tệp.' };

let h: Harness;
let sourcesDir: string;
/** What the "system dialog" returns next. */
let chosen: string[];
let assessmentId: number;
let itemId: number;

beforeEach(async () => {
  h = createHarness();
  sourcesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'par-picked-'));
  chosen = [];
  h.ctx.desktop = { openPath: () => Promise.resolve(''), pickEvidenceFiles: () => Promise.resolve(chosen) };
  const agency = await h.call('agencies:create', agencyDraft());
  const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'department')!;
  assessmentId = (await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: set.hash })).id;
  const code = leavesOf(loadCriteriaSet(h.ctx.db, set.hash))[0]!.node.code;
  const draft = { docNumber: '125/KH-UBND', issuedOn: '2026-01-05', issuer: 'UBND thành phố Đà Nẵng', docType: 'plan' as const, summary: 'Kế hoạch CCHC năm 2026' };
  itemId = (await h.call('evidence:create', { assessmentId, code, draft })).item!.id;
});
afterEach(() => {
  h.dispose();
  fs.rmSync(sourcesDir, { recursive: true, force: true });
});

function writeSource(name: string, data: Uint8Array): string {
  const file = path.join(sourcesDir, name);
  fs.writeFileSync(file, data);
  return file;
}

async function pick(...files: string[]) {
  chosen = files;
  return (await h.call('evidence:pickFiles', {})).files;
}

const rowCounts = () => [h.ctx.db.prepare('SELECT COUNT(*) FROM evidence_files').pluck().get(), h.ctx.db.prepare('SELECT COUNT(*) FROM blobs').pluck().get()];

/** Nothing kept: no row, no blob, no temp file. */
function expectNothingKept(): void {
  expect(rowCounts()).toEqual([0, 0]);
  expect(filesUnder(blobsDir(h.dataDir))).toEqual([]);
  expect(filesUnder(tempDir(h.dataDir))).toEqual([]);
}

async function progressOf(pickId: string) {
  return (await h.call('evidence:pickedProgress', { pickIds: [pickId] })).progress[0];
}

/** Polls progress until `until` holds or the import settles; returns every sample seen. */
async function pollWhile(pickId: string, importing: Promise<unknown>, until: (p: Awaited<ReturnType<typeof progressOf>>) => boolean = () => false) {
  let settled = false;
  void importing.then(() => (settled = true), () => (settled = true));
  const samples: Awaited<ReturnType<typeof progressOf>>[] = [];
  while (!settled) {
    const p = await progressOf(pickId);
    samples.push(p);
    if (until(p)) break;
    await new Promise((r) => setTimeout(r, 2));
  }
  return samples;
}

describe('evidence picked in the system file picker (desktop)', () => {
  it('picks two files and imports both by path: rows, blobs and names, and the renderer never sees a path', async () => {
    const pdf = makePdf('Ke hoach CCHC 2026');
    const pdfName = 'Kế hoạch CCHC.pdf'.normalize('NFD'); // as macOS may hand it over
    const files = await pick(writeSource(pdfName, pdf), writeSource('anh-chup.png', PNG_1X1));
    expect(files).toEqual([
      { pickId: expect.stringMatching(/^[0-9a-f]{32}$/), name: pdfName, size: pdf.length },
      { pickId: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'anh-chup.png', size: PNG_1X1.length },
    ]);
    expect(JSON.stringify(files)).not.toContain(sourcesDir);

    const [a, b] = await Promise.all(files.map((f) => h.call('evidence:importPicked', { assessmentId, itemId, pickId: f.pickId })));
    expect(a).toMatchObject({ itemId, displayName: 'Kế hoạch CCHC.pdf', mediaType: 'application/pdf', size: pdf.length, hash: sha256(pdf), deduplicated: false });
    expect(b).toMatchObject({ itemId, displayName: 'anh-chup.png', mediaType: 'image/png', size: PNG_1X1.length, hash: sha256(PNG_1X1) });
    expect(fs.readFileSync(blobPath(h.dataDir, a!.hash))).toEqual(pdf);
    expect(fs.readFileSync(blobPath(h.dataDir, b!.hash))).toEqual(PNG_1X1);

    const [item] = (await h.call('evidence:listForAssessment', { assessmentId })).items;
    expect(item!.files.map((f) => f.displayName).sort()).toEqual(['Kế hoạch CCHC.pdf', 'anh-chup.png']);
    expect(filesUnder(tempDir(h.dataDir))).toEqual([]);
    expect(await h.call('evidence:pickedProgress', { pickIds: files.map((f) => f.pickId) })).toEqual({
      progress: [
        { pickId: files[0]!.pickId, bytesDone: pdf.length, bytesTotal: pdf.length, running: false },
        { pickId: files[1]!.pickId, bytesDone: PNG_1X1.length, bytesTotal: PNG_1X1.length, running: false },
      ],
    });
  });

  it('returns no files when the officer closes the dialog', async () => {
    expect(await pick()).toEqual([]);
  });

  it('reports the progress of a large file while it is imported, up to its whole size', async () => {
    const data = pdfBytes(64 * MIB);
    const [file] = await pick(writeSource('Báo cáo lớn.pdf', data));
    const importing = h.call('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId });
    const samples = await pollWhile(file!.pickId, importing);
    const result = await importing;
    expect(result).toMatchObject({ size: data.length, hash: sha256(data) });
    expect(samples.some((p) => p?.running && p.bytesDone > 0 && p.bytesDone < data.length)).toBe(true);
    expect(samples.every((p) => p?.bytesTotal === data.length)).toBe(true);
    const done = samples.map((p) => p!.bytesDone);
    expect(done).toEqual([...done].sort((x, y) => x - y)); // never goes back
    expect(await progressOf(file!.pickId)).toEqual({ pickId: file!.pickId, bytesDone: data.length, bytesTotal: data.length, running: false });
  });

  it('cancels a large import part-way: CANCELLED, and no row, blob or temp file is left', async () => {
    const data = pdfBytes(64 * MIB);
    const [file] = await pick(writeSource('Hồ sơ.pdf', data));
    const importing = h.fail('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId });
    const samples = await pollWhile(file!.pickId, importing, (p) => p !== undefined && p.bytesDone > 0);
    expect(samples.at(-1)?.running).toBe(true); // it was still copying when cancelled
    expect(await h.call('evidence:cancelPicked', { pickId: file!.pickId })).toEqual({ cancelled: true });
    expect(await importing).toEqual({ code: 'CANCELLED', message: 'Đã hủy đính kèm tệp; không có gì được lưu.' });
    expectNothingKept();
    expect((await progressOf(file!.pickId))?.running).toBe(false);
    expect(await h.call('evidence:cancelPicked', { pickId: file!.pickId })).toEqual({ cancelled: false });
  });

  it('drops a grant cancelled before its import started', async () => {
    const [file] = await pick(writeSource('a.pdf', makePdf('a')));
    expect(await h.call('evidence:cancelPicked', { pickId: file!.pickId })).toEqual({ cancelled: true });
    expect(await h.call('evidence:pickedProgress', { pickIds: [file!.pickId] })).toEqual({ progress: [] });
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId })).toEqual(GONE);
  });

  it('uses a grant once: importing the same pick again is NOT_FOUND', async () => {
    const [file] = await pick(writeSource('a.pdf', makePdf('a')));
    await h.call('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId });
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId })).toEqual(GONE);
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: crypto.randomBytes(16).toString('hex') })).toEqual(GONE);
    expect(rowCounts()).toEqual([1, 1]);
  });

  it('refuses a grant older than an hour', async () => {
    let clock = Date.UTC(2026, 10, 27, 8, 0, 0);
    h.ctx.picked = new PickedFiles({ clock: () => clock });
    const [late, inTime] = await pick(writeSource('a.pdf', makePdf('a')), writeSource('b.pdf', makePdf('b')));
    clock += PICK_GRANT_TTL_MS - 1000;
    await h.call('evidence:importPicked', { assessmentId, itemId, pickId: inTime!.pickId });
    clock += 1000;
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: late!.pickId })).toEqual(GONE);
    expect(rowCounts()).toEqual([1, 1]);
  });

  it('says the file is not found when it was deleted after being picked', async () => {
    const source = writeSource('Quyết định.pdf', makePdf('qd'));
    const [file] = await pick(source);
    fs.rmSync(source);
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId })).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy tệp "Quyết định.pdf".' });
    expectNothingKept();
  });

  it('refuses to attach to a finalised (locked) assessment, and keeps the grant', async () => {
    const [file] = await pick(writeSource('a.pdf', makePdf('a')));
    setAssessmentStatus(h.ctx.db, assessmentId, 'final', h.ctx.now());
    expect(await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: file!.pickId })).toEqual({
      code: 'CONFLICT',
      message: 'Kỳ đánh giá đã khóa, không sửa được tài liệu kiểm chứng.',
    });
    expectNothingKept();
    expect((await progressOf(file!.pickId))?.bytesDone).toBe(0);
  });

  it('refuses an item of another agency under this assessment', async () => {
    const other = await h.call('agencies:create', agencyDraft({ name: 'UBND PHƯỜNG HẢI CHÂU', abbreviation: 'HC', level: 'commune' }));
    const set = (await h.call('criteriaSets:list', {})).sets.find((s) => s.level === 'commune')!;
    const otherAssessment = (await h.call('assessments:create', { agencyId: other.id, year: 2026, setHash: set.hash })).id;
    const [file] = await pick(writeSource('a.pdf', makePdf('a')));
    const refused = await h.fail('evidence:importPicked', { assessmentId: otherAssessment, itemId, pickId: file!.pickId });
    expect(refused.code).toBe('NOT_FOUND');
    expectNothingKept();
  });

  it('is unavailable in web mode, where the browser uploads the files', async () => {
    delete h.ctx.desktop;
    expect(await h.fail('evidence:pickFiles', {})).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^Chỉ ứng dụng trên máy tính/) });
  });

  it('refuses malformed ids and too many progress ids', async () => {
    expect((await h.fail('evidence:importPicked', { assessmentId, itemId, pickId: '../../etc/passwd' })).code).toBe('INVALID_INPUT');
    expect((await h.fail('evidence:cancelPicked', { pickId: 'A'.repeat(32) })).code).toBe('INVALID_INPUT');
    const ids = Array.from({ length: 101 }, () => crypto.randomBytes(16).toString('hex'));
    expect((await h.fail('evidence:pickedProgress', { pickIds: ids })).code).toBe('INVALID_INPUT');
    expect(await h.call('evidence:pickedProgress', { pickIds: ids.slice(0, 100) })).toEqual({ progress: [] });
  });
});
