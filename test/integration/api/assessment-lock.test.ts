/** Locking a finished assessment and unlocking it, through the real dispatch, the real web bridge
 *  (for uploads) and a real SQLite file on disk. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import { startBackendWebServer } from '../../../main/web/backend-server';
import type { RunningWebServer } from '../../../main/web/server';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { departmentAssessment } from '../../helpers/report-assessment';
import { makePdf } from '../../helpers/sample-documents';

let h: Harness;
let server: RunningWebServer;

async function startServer(): Promise<void> {
  const staticDir = path.join(h.dataDir, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  server = await startBackendWebServer(h.ctx, { port: 0, staticDir });
}

/** Quit and restart the app on the same data folder (the bridge serves the new context). */
async function restart(): Promise<void> {
  await server.close();
  h.reopen();
  await startServer();
}

beforeEach(async () => {
  h = createHarness();
  await startServer();
});
afterEach(async () => {
  await server.close();
  h.dispose();
});

async function upload(assessmentId: number, itemId: number, name: string, body: Buffer): Promise<Result<ImportedFile>> {
  const query = new URLSearchParams({ assessmentId: String(assessmentId), itemId: String(itemId), name, size: String(body.length) });
  const res = await fetch(`${server.origin}/upload/evidence?${query}`, {
    method: 'POST',
    headers: { Origin: server.origin, 'X-PAR-Token': server.token, 'Content-Type': 'application/octet-stream' },
    body,
  });
  return (await res.json()) as Result<ImportedFile>;
}

const plan = { docNumber: '12/KH-SNV', issuedOn: '2026-01-15', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: 'Kế hoạch CCHC năm 2026' };

describe('locking an assessment', () => {
  it('is refused while leaves are unanswered or need an explanation, naming them, and changes nothing', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: false, leaveOut: 3 });
    const view = await h.call('assessments:open', { assessmentId });
    const unanswered = view.totals.unansweredCodes;
    expect(unanswered).toHaveLength(3);

    const error = await h.fail('assessments:setStatus', { assessmentId, status: 'final' });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Chưa khóa được');
    expect(error.message).toContain(`Còn 3 tiêu chí chưa chấm: ${unanswered.join(', ')}.`);
    expect(error.message).toContain(`tiêu chí cần giải trình`);
    expect(error.message).toContain(view.totals.needsExplanationCodes[0]);

    await restart();
    expect((await h.call('assessments:open', { assessmentId })).assessment.status).toBe('draft');
    const [listed] = (await h.call('assessments:list', { agencyId: view.agency.id })).assessments;
    expect(listed?.status).toBe('draft');
  });

  it('locks a complete assessment: answers and evidence are refused until it is unlocked, and the list shows it', async () => {
    const { assessmentId, agencyId } = await departmentAssessment(h, { complete: true });
    const before = await h.call('assessments:open', { assessmentId });
    const code = before.answers[0]!.code;
    const answer = { input: before.answers[0]!.input, notApplicable: false, explanation: 'Sửa sau khi khóa' };
    const existing = await h.call('evidence:create', { assessmentId, code, draft: plan });
    const itemId = existing.item!.id;

    const locked = await h.call('assessments:setStatus', { assessmentId, status: 'final' });
    expect(locked).toMatchObject({ id: assessmentId, status: 'final' });
    expect((await h.call('assessments:list', { agencyId })).assessments.map((a) => a.status)).toEqual(['final']);

    await restart();
    const view = await h.call('assessments:open', { assessmentId });
    expect(view.assessment.status).toBe('final');
    const refusedSave = await h.fail('answers:save', { assessmentId, code, answer });
    expect(refusedSave).toMatchObject({ code: 'CONFLICT', message: 'Kỳ đánh giá đã khóa, không sửa được.' });
    const refusedCreate = await h.fail('evidence:create', { assessmentId, code, draft: { ...plan, docNumber: '13/KH-SNV' } });
    expect(refusedCreate.code).toBe('CONFLICT');
    expect(await upload(assessmentId, itemId, 'ke-hoach.pdf', makePdf('ke hoach'))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const after = await h.call('assessments:open', { assessmentId });
    expect(after.answers).toEqual(view.answers);
    expect(after.totals).toEqual(view.totals);
    expect((await h.call('evidence:listForAssessment', { assessmentId })).items.map((i) => [i.docNumber, i.files.length])).toEqual([['12/KH-SNV', 0]]);

    // Locking twice is harmless; unlocking needs a reason, and then editing works again.
    expect((await h.call('assessments:setStatus', { assessmentId, status: 'final' })).status).toBe('final');
    expect(await h.fail('assessments:setStatus', { assessmentId, status: 'draft' })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('Hãy ghi lý do') });
    expect((await h.call('assessments:setStatus', { assessmentId, status: 'draft', reason: 'Sửa giải trình' })).status).toBe('draft');
    expect((await h.call('answers:save', { assessmentId, code, answer })).answer.explanation).toBe('Sửa sau khi khóa');
    await h.call('evidence:create', { assessmentId, code, draft: { ...plan, docNumber: '13/KH-SNV' } });
    expect(await upload(assessmentId, itemId, 'ke-hoach.pdf', makePdf('ke hoach'))).toMatchObject({ ok: true });
    expect((await h.call('assessments:list', { agencyId })).assessments.map((a) => a.status)).toEqual(['draft']);
  });

  it('unlocks even an incomplete assessment that arrived final (as a package import sets it); refuses unknown ids and statuses', async () => {
    const { assessmentId } = await departmentAssessment(h, { complete: false });
    setAssessmentStatus(h.ctx.db, assessmentId, 'final', h.ctx.now());
    const error = await h.fail('assessments:setStatus', { assessmentId: 9999, status: 'draft' });
    expect(error.code).toBe('NOT_FOUND');
    const bad = await h.fail('assessments:setStatus', { assessmentId, status: 'locked' });
    expect(bad.code).toBe('INVALID_INPUT');
    expect((await h.call('assessments:setStatus', { assessmentId, status: 'draft', reason: 'Sửa số liệu' })).status).toBe('draft');
  });
});

describe('a locked year’s evidence', () => {
  it('stays as submitted when next year reuses its documents: no edit, no file added or removed; linking in the draft still works', async () => {
    const { assessmentId: lockedYear, agencyId } = await departmentAssessment(h, { complete: true });
    const code = (await h.call('assessments:open', { assessmentId: lockedYear })).answers[0]!.code;
    const item = (await h.call('evidence:create', { assessmentId: lockedYear, code, draft: plan })).item!;
    const stored = await upload(lockedYear, item.id, 'ke-hoach.pdf', makePdf('ke hoach 2026'));
    expect(stored.ok).toBe(true);
    await h.call('assessments:setStatus', { assessmentId: lockedYear, status: 'final' });
    const setHash = (await h.call('assessments:open', { assessmentId: lockedYear })).assessment.setHash;
    const draft = (await h.call('assessments:create', { agencyId, year: 2027, setHash, confirmYearMismatch: true })).id;

    await h.call('evidence:link', { assessmentId: draft, code, itemId: item.id }); // reuse: allowed
    const frozen = { code: 'CONFLICT', message: expect.stringContaining('kỳ đánh giá năm 2026 đã khóa') };
    expect(await h.fail('evidence:update', { assessmentId: draft, itemId: item.id, draft: { ...plan, summary: 'Sửa' } })).toMatchObject(frozen);
    const fileId = (await h.call('evidence:listForAssessment', { assessmentId: draft })).items[0]!.files[0]!.id;
    expect(await h.fail('evidence:removeFile', { assessmentId: draft, fileId })).toMatchObject(frozen);
    expect(await upload(draft, item.id, 'them.pdf', makePdf('them'))).toMatchObject({ ok: false, error: frozen });

    const [shown] = (await h.call('evidence:listForAssessment', { assessmentId: lockedYear })).items;
    expect([shown!.summary, shown!.files.map((f) => f.displayName)]).toEqual([plan.summary, ['ke-hoach.pdf']]);
    expect((await h.call('evidence:listForAssessment', { assessmentId: draft })).items[0]!.lockedYears).toEqual([2026]);
    await h.call('evidence:unlink', { assessmentId: draft, code, itemId: item.id }); // the draft's own link: allowed

    // Unlocked again, the document can change.
    await h.call('assessments:setStatus', { assessmentId: lockedYear, status: 'draft', reason: 'Bổ sung tài liệu' });
    const edited = await h.call('evidence:update', { assessmentId: lockedYear, itemId: item.id, draft: { ...plan, summary: 'Sửa' } });
    expect([edited.item!.summary, edited.item!.lockedYears]).toEqual(['Sửa', []]);
  });
});
