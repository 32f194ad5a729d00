/** Every kind of change leaves its history row (who, when, before → after), through the real
 *  dispatch, the real web bridge (uploads) and a real SQLite file; history rows cannot be changed. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry, HistoryEntryView, HistoryFilter } from '../../../shared/api/channels/history';
import type { ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, startBridge, type Harness } from '../../helpers/app-harness';
import { departmentAssessment, newDepartmentAssessment } from '../../helpers/report-assessment';
import { makePdf } from '../../helpers/sample-documents';
import { leavesOf } from '../../../shared/domain/criteria-tree';
import type { ScoringRule } from '../../../shared/domain/criteria-set-schema';
import { partText } from '../../../shared/domain/history-prose';

let h: Harness;
let server: RunningWebServer;
const ALL: HistoryFilter = { kind: null, code: null, from: null, to: null };
const plan = { docNumber: '12/KH-SNV', issuedOn: '2026-01-15', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: 'Kế hoạch CCHC năm 2026' };

beforeEach(async () => {
  h = createHarness();
  server = await startBridge(h);
});
afterEach(async () => {
  await server.close();
  h.dispose();
});

async function upload(assessmentId: number, itemId: number, name: string, body: Buffer): Promise<Result<ImportedFile>> {
  const query = new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name, size: String(body.length) });
  const res = await fetch(`${server.origin}/upload/evidence?${query}`, { method: 'POST', headers: { Origin: server.origin, 'X-PAR-Token': server.token }, body });
  return (await res.json()) as Result<ImportedFile>;
}

async function history(assessmentId: number, filter: Partial<HistoryFilter> = {}): Promise<HistoryEntryView[]> {
  return (await h.call('history:list', { assessmentId, filter: { ...ALL, ...filter }, beforeId: null, limit: 200 })).entries;
}

const parsed = (e: HistoryEntry) => ({ kind: e.kind, action: e.action, code: e.code, before: e.before && JSON.parse(e.before), after: e.after && JSON.parse(e.after), reason: e.reason });

describe('history of an assessment', () => {
  it('records answers (input, N/A, explanation) with the officer, before and after; an identical save adds nothing', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const leaf = leavesOf(set).find((v) => v.node.notApplicableAllowed)!.node.code;
    const first = { input: null, notApplicable: false, explanation: 'Đang chờ số liệu' };
    await h.call('answers:save', { assessmentId, code: leaf, answer: first });
    await h.call('answers:save', { assessmentId, code: leaf, answer: first });
    const second = { input: null, notApplicable: true, explanation: 'Không phát sinh' };
    await h.call('answers:save', { assessmentId, code: leaf, answer: second });

    const rows = await history(assessmentId);
    expect(rows.map(parsed)).toEqual([
      { kind: 'answer', action: 'save', code: leaf, before: first, after: second, reason: '' },
      { kind: 'answer', action: 'save', code: leaf, before: null, after: first, reason: '' },
    ]);
    expect(rows.every((r) => r.officer === 'Trần Thị Bình' && /^\d{4}-\d\d-\d\dT/.test(r.at))).toBe(true);
    // Filter by criterion and by kind.
    expect(await history(assessmentId, { code: leaf })).toHaveLength(2);
    expect(await history(assessmentId, { kind: 'evidence' })).toHaveLength(0);
    // ... and each in words.
    expect(rows[0]!.change.map(partText)).toEqual(['Không áp dụng: không → có', 'Giải trình: “Đang chờ số liệu” → “Không phát sinh”']);
  });

  it('tells a rate input by the leaf’s own labels, with numbers the Vietnamese way', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const leaf = leavesOf(set).find((v) => v.node.rule?.kind === 'rate')!.node;
    const rule = leaf.rule as Extract<ScoringRule, { kind: 'rate' }>;
    await h.call('answers:save', { assessmentId, code: leaf.code, answer: { input: { kind: 'rate', numerator: 3, denominator: 4 }, notApplicable: false, explanation: '' } });
    await h.call('answers:save', { assessmentId, code: leaf.code, answer: { input: { kind: 'rate', numerator: 4, denominator: 4 }, notApplicable: false, explanation: '' } });
    const [last, first] = await history(assessmentId, { code: leaf.code });
    expect(last!.change.map(partText)).toEqual([`${rule.numeratorLabel}: 3 → 4`]);
    expect(first!.change.map(partText)).toEqual([`${rule.numeratorLabel}: (chưa chấm) → 3`, `${rule.denominatorLabel}: (chưa chấm) → 4`]);
  });

  it('records evidence items, files added and removed, links and unlinks, and report settings', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const [code, other] = leavesOf(set).map((v) => v.node.code);
    const item = (await h.call('evidence:create', { assessmentId, code: code!, draft: plan })).item!;
    await h.call('evidence:update', { assessmentId, itemId: item.id, draft: { ...plan, summary: 'Kế hoạch đã sửa' } });
    const stored = await upload(assessmentId, item.id, 'ke-hoach.pdf', makePdf('ke hoach'));
    expect(stored.ok).toBe(true);
    await h.call('evidence:link', { assessmentId, code: other!, itemId: item.id });
    await h.call('evidence:unlink', { assessmentId, code: other!, itemId: item.id });
    const fileId = (stored as { ok: true; value: ImportedFile }).value.fileId;
    await h.call('evidence:removeFile', { assessmentId, fileId });
    const settings = { docNumber: '15', docSymbol: 'BC-SNV', reportDate: '2026-12-01', difficulties: '', recipients: ['- Sở Nội vụ;'] };
    await h.call('report:saveSettings', { assessmentId, settings });
    await h.call('evidence:unlink', { assessmentId, code: code!, itemId: item.id });
    await h.call('evidence:delete', { assessmentId, itemId: item.id });

    const rows = (await history(assessmentId)).reverse().map(parsed);
    expect(rows.map((r) => [r.kind, r.action, r.code])).toEqual([
      ['evidence', 'create', null],
      ['link', 'link', code],
      ['evidence', 'edit', null],
      ['file', 'add', null],
      ['link', 'link', other],
      ['link', 'unlink', other],
      ['file', 'remove', null],
      ['report', 'save', null],
      ['link', 'unlink', code],
      ['evidence', 'delete', null],
    ]);
    expect(rows[2]!.before.summary).toBe(plan.summary);
    expect(rows[2]!.after.summary).toBe('Kế hoạch đã sửa');
    expect(rows[3]!.after).toMatchObject({ fileName: 'ke-hoach.pdf' });
    expect(rows[6]!.before).toMatchObject({ fileName: 'ke-hoach.pdf' });
    expect(rows[7]!.before).toBeNull();
    expect(rows[7]!.after).toMatchObject({ docNumber: '15', reportDate: '2026-12-01' });
    expect(rows[9]!.before).toMatchObject({ docNumber: '12/KH-SNV', summary: 'Kế hoạch đã sửa', files: [] });
  });

  it('records status changes with the reason for going back; a refused change records nothing', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: true });
    const before = (await history(assessmentId)).length;
    await h.call('assessments:setStatus', { assessmentId, status: 'final' });
    expect(await h.fail('assessments:setStatus', { assessmentId, status: 'draft', reason: '   ' })).toMatchObject({ code: 'INVALID_INPUT' });
    await h.call('assessments:setStatus', { assessmentId, status: 'draft', reason: 'Bổ sung giải trình tiêu chí 1.1' });
    const status = (await history(assessmentId, { kind: 'status' })).map(parsed);
    expect(status).toEqual([
      { kind: 'status', action: 'draft', code: null, before: { status: 'final' }, after: { status: 'draft' }, reason: 'Bổ sung giải trình tiêu chí 1.1' },
      { kind: 'status', action: 'final', code: null, before: { status: 'draft' }, after: { status: 'final' }, reason: '' },
    ]);
    expect((await history(assessmentId)).length).toBe(before + 2);
  });

  it('is never changed from the app: the database refuses UPDATE and DELETE of history rows', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const code = leavesOf(set)[0]!.node.code;
    await h.call('answers:save', { assessmentId, code, answer: { input: null, notApplicable: false, explanation: 'x' } });
    expect(() => h.ctx.db.prepare("UPDATE history SET officer = 'người khác'").run()).toThrow(/never changed/);
    expect(() => h.ctx.db.prepare('DELETE FROM history').run()).toThrow(/never deleted/);
    expect((await history(assessmentId))[0]!.officer).toBe('Trần Thị Bình');
  });

  it('pages newest first with a cursor and counts the filtered total', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const code = leavesOf(set)[0]!.node.code;
    for (let i = 0; i < 7; i++) await h.call('answers:save', { assessmentId, code, answer: { input: null, notApplicable: false, explanation: `lần ${i}` } });
    const first = await h.call('history:list', { assessmentId, filter: ALL, beforeId: null, limit: 3 });
    expect(first.total).toBe(7);
    expect(first.entries.map((e) => JSON.parse(e.after!).explanation)).toEqual(['lần 6', 'lần 5', 'lần 4']);
    const second = await h.call('history:list', { assessmentId, filter: ALL, beforeId: first.nextBeforeId, limit: 5 });
    expect(second.entries.map((e) => JSON.parse(e.after!).explanation)).toEqual(['lần 3', 'lần 2', 'lần 1', 'lần 0']);
    expect(second.nextBeforeId).toBeNull();
    const bad = await h.fail('history:list', { assessmentId, filter: { ...ALL, from: '2026-02-30' }, beforeId: null, limit: 3 });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.issues?.map((i) => i.message)).toContain('Ngày bắt đầu không có thật');
  });
});
