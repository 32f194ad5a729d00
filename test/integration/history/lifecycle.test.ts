/** The assessment's life after the lock, through the real dispatch and the real web bridge on a
 *  real SQLite file: submit with a signed PDF (kept, carried in the package, package kept and
 *  exported again byte-identical), appraised (two rounds), closed, going back with a reason. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { partText } from '../../../shared/domain/history-prose';
import type { LifecycleView } from '../../../shared/api/channels/history';
import type { Result } from '../../../shared/api/result';
import { markAppraised } from '../../../main/lifecycle/lifecycle';
import { blobPath } from '../../../main/evidence/blob-store';
import { verifyPackageFile } from '../../../main/package/verify-package';
import { latestSubmission } from '../../../main/store/queries/submissions';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';
import { makePdf } from '../../helpers/sample-documents';
import { readZipText, listZipEntries } from '../../helpers/zip-read';

let h: Harness;
let server: RunningWebServer;

beforeEach(async () => {
  h = createHarness();
  server = await startBridge(h);
});
afterEach(async () => {
  await server.close();
  h.dispose();
});

const details = { sentOn: '2026-12-10', docNumber: '125/BC-SNV', docDate: '2026-12-08' };

async function submit(assessmentId: number, fileName: string, body: Buffer, extra: Record<string, string> = {}): Promise<Result<LifecycleView>> {
  const query = new URLSearchParams({ assessmentId: String(assessmentId), fileName, ...details, ...extra });
  const res = await fetch(`${server.origin}/upload/signed-report?${query}`, { method: 'POST', headers: { Origin: server.origin, 'X-PAR-Token': server.token }, body });
  return (await res.json()) as Result<LifecycleView>;
}

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const result = { finalScore: 86.25, indexPercent: 86.25, className: 'Tốt', rank: 3, rankOf: 21, publishedOn: '2027-03-15' };

describe('the assessment after the lock', () => {
  it('submits a locked assessment with its signed PDF; the kept package carries it and the history, verifies, and exports again byte-identical', async () => {
    const { assessmentId, agencyId } = await departmentAssessment(h, { complete: true });
    const signed = makePdf('bao cao da ky so');
    const early = await submit(assessmentId, 'bao-cao-ky-so.pdf', signed);
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Chỉ nộp được kỳ đánh giá đã khóa (hiện tại: Đang soạn)') } });
    await h.call('assessments:setStatus', { assessmentId, status: 'final' });
    expect(await submit(assessmentId, 'bao-cao.exe', signed)).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED_TYPE' } });
    expect(await submit(assessmentId, 'bao-cao.pdf', signed, { docDate: '2026-13-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Ngày ký văn bản không có thật' } });
    expect((await h.call('assessments:open', { assessmentId })).assessment.status).toBe('final');

    const sent = await submit(assessmentId, 'bao-cao-ky-so.pdf', signed);
    expect(sent.ok).toBe(true);
    const view = (sent as { ok: true; value: LifecycleView }).value;
    expect(view.status).toBe('submitted');
    expect(view.submission).toMatchObject({ ...details, signedName: 'bao-cao-ky-so.pdf', signedSize: signed.length, officer: 'Trần Thị Bình' });
    expect(view.steps.find((s) => s.status === 'submitted')).toMatchObject({ officer: 'Trần Thị Bình', at: expect.any(String) });
    expect((await h.call('assessments:list', { agencyId })).assessments.map((a) => a.status)).toEqual(['submitted']);
    // Read only like a locked one.
    const code = (await h.call('assessments:open', { assessmentId })).answers[0]!.code;
    expect(await h.fail('answers:save', { assessmentId, code, answer: { input: null, notApplicable: false, explanation: 'x' } })).toMatchObject({ code: 'CONFLICT' });

    // The package that was sent: kept as a blob, exported twice, byte-identical each time.
    const row = latestSubmission(h.ctx.db, assessmentId)!;
    const first = await h.call('lifecycle:exportSentPackage', { assessmentId });
    const firstBytes = fs.readFileSync(path.join(h.dataDir, first.downloadPath));
    await h.call('backups:create', {}); // a garbage collection in between takes neither blob
    const again = await h.call('lifecycle:exportSentPackage', { assessmentId });
    const againBytes = fs.readFileSync(path.join(h.dataDir, again.downloadPath));
    expect(sha256(firstBytes)).toBe(row.packageHash);
    expect(againBytes.equals(firstBytes)).toBe(true);
    expect(fs.existsSync(blobPath(h.dataDir, row.signedHash))).toBe(true);

    const names = listZipEntries(firstBytes).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['manifest.json', 'bao-cao.docx', 'bao-cao-da-ky.pdf', 'lich-su.json']));
    const manifest = JSON.parse(readZipText(firstBytes, 'manifest.json')) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.find((f) => f.path === 'bao-cao-da-ky.pdf')?.sha256).toBe(sha256(signed));
    const carried = JSON.parse(readZipText(firstBytes, 'lich-su.json')) as { format: string; entries: { kind: string; action: string }[] };
    expect(carried.format).toBe('par-history/v1');
    expect(carried.entries.filter((e) => e.kind === 'answer').length).toBeGreaterThan(10);
    expect(carried.entries.at(-1)).toMatchObject({ kind: 'status', action: 'final' });
    const report = await verifyPackageFile(path.join(h.dataDir, first.downloadPath));
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('moves through appraised (two rounds) and closed, refusing moves out of order with Vietnamese messages; going back needs a reason', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    await h.call('assessments:setStatus', { assessmentId, status: 'final' });
    expect(() => markAppraised(h.ctx.db, assessmentId, { round: 1 }, h.ctx.now())).toThrow(/chỉ ghi nhận kết quả thẩm định cho kỳ đánh giá đã nộp/);
    expect(await h.fail('lifecycle:close', { assessmentId, result })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('chỉ ghi kết quả công bố cho kỳ đánh giá đã thẩm định') });
    expect((await submit(assessmentId, 'bao-cao.pdf', makePdf('ky'))).ok).toBe(true);
    expect(await h.fail('assessments:setStatus', { assessmentId, status: 'draft', reason: 'Sửa' })).toMatchObject({ code: 'CONFLICT' });

    markAppraised(h.ctx.db, assessmentId, { round: 1, fileName: 'tham-dinh-vong-1.json' }, h.ctx.now());
    markAppraised(h.ctx.db, assessmentId, { round: 2 }, h.ctx.now());
    expect(await h.fail('lifecycle:close', { assessmentId, result: { ...result, indexPercent: 101 } })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await h.fail('lifecycle:close', { assessmentId, result: { ...result, rank: 30 } })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Thứ hạng') });
    const closed = await h.call('lifecycle:close', { assessmentId, result });
    expect(closed.status).toBe('closed');
    expect(closed.published).toMatchObject({ finalScore: 86.25, indexPercent: 86.25, className: 'Tốt', rank: 3, rankOf: 21 });
    const corrected = await h.call('lifecycle:close', { assessmentId, result: { ...result, rank: 4 } });
    expect(corrected.published?.rank).toBe(4);

    expect(await h.fail('lifecycle:reopen', { assessmentId, reason: '  ' })).toMatchObject({ code: 'INVALID_INPUT' });
    const reopened = await h.call('lifecycle:reopen', { assessmentId, reason: 'Sở Nội vụ công bố lại kết quả' });
    expect(reopened.status).toBe('appraised');

    const filter = { kind: 'status' as const, code: null, from: null, to: null };
    const rows = (await h.call('history:list', { assessmentId, filter, beforeId: null, limit: 50 })).entries.reverse();
    expect(rows.map((r) => [r.action, r.reason])).toEqual([
      ['final', ''],
      ['submitted', ''],
      ['appraised', ''],
      ['appraised', ''],
      ['closed', ''],
      ['result', ''],
      ['appraised', 'Sở Nội vụ công bố lại kết quả'],
    ]);
    expect(JSON.parse(rows[3]!.after!)).toMatchObject({ status: 'appraised', round: 2 });
    expect(JSON.parse(rows[5]!.before!).rank).toBe(3);
    expect(JSON.parse(rows[5]!.after!).rank).toBe(4);
    // The screens get each change in words.
    expect(rows[5]!.change.map(partText)).toEqual(['Thứ hạng: 3 → 4']);
    expect(rows[1]!.change.map(partText)[0]).toBe('Trạng thái: Đã khóa → Đã nộp');
    expect(rows[1]!.change.map(partText)[1]).toMatch(/^Đã gửi ngày \d\d\/\d\d\/\d{4}, văn bản số /);
    expect(rows[6]!.change.map(partText)).toEqual(['Trạng thái: Đã có kết quả công bố → Đã thẩm định']);
  });

  it('exports the filtered history as .xlsx with Vietnamese headers, one row per change', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    await h.call('assessments:setStatus', { assessmentId, status: 'final' });
    await h.call('assessments:setStatus', { assessmentId, status: 'draft', reason: 'Bổ sung' });
    const all = await h.call('history:list', { assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 1 });
    const exported = await h.call('history:export', { assessmentId, filter: { kind: null, code: null, from: null, to: null } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(h.dataDir, exported.downloadPath));
    const ws = wb.getWorksheet('Lịch sử thay đổi')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'STT', 'Thời gian (UTC)', 'Cán bộ', 'Loại thay đổi', 'Thao tác', 'Tiêu chí', 'Mã tài liệu', 'Nội dung thay đổi', 'Lý do']);
    expect(ws.actualRowCount).toBe(all.total + 1);
    const last = ws.getRow(ws.actualRowCount);
    expect([last.getCell(3).value, last.getCell(4).value, last.getCell(5).value, last.getCell(8).value, last.getCell(9).value]).toEqual(['Trần Thị Bình', 'Trạng thái', 'Mở khóa (về đang soạn)', 'Trạng thái: Đã khóa → Đang soạn', 'Bổ sung']);
  });
});
