/** Importing the council's result against a real SQLite file through the real upload route: each
 *  refusal names the problem in Vietnamese and leaves the database file byte-identical; the self
 *  scores never change; the same file twice changes nothing; a later round adds; survey points
 *  complete the index; a published result closes the assessment. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppraisalImportResult } from '../../../shared/api/channels/appraisal';
import type { Result } from '../../../shared/api/result';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, SURVEY_CODES, upload } from '../../helpers/appraisal-fixture';
import { newDepartmentAssessment } from '../../helpers/report-assessment';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

const ok = (r: Result<AppraisalImportResult>): AppraisalImportResult => {
  if (!r.ok) throw new Error(`import refused: ${r.error.code} ${r.error.message}`);
  return r.value;
};

async function expectRefused(assessmentId: number, fileName: string, bytes: Buffer, code: string, message: RegExp | string): Promise<void> {
  const before = databaseFileHash(h);
  const r = await upload(h, assessmentId, fileName, bytes);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  expect(r.error.message).toMatch(message);
  expect(r.error.message).toContain('Dữ liệu chưa bị thay đổi.');
  expect(databaseFileHash(h), `nothing may change after: ${r.error.message}`).toBe(before);
}

describe('appraisal import refusals (nothing changed)', () => {
  it('refuses a draft assessment', async () => {
    const { assessmentId, set } = await newDepartmentAssessment(h);
    const { hashCriteriaSet } = await import('../../../main/criteria/hash-set');
    await expectRefused(assessmentId, 'tham-dinh.json', jsonBytes(appraisalDoc(hashCriteriaSet(set).hash)), 'CONFLICT', 'Kỳ đánh giá đang soạn: chỉ nhập kết quả thẩm định sau khi đã khóa và nộp báo cáo.');
  });

  it('refuses another agency, another set, another year, in words the officer understands', async () => {
    const a = await submittedAssessment(h);
    const f = (extra: Record<string, unknown>) => jsonBytes(appraisalDoc(a.setHash, extra));
    await expectRefused(a.assessmentId, 't.json', f({ agency: { name: 'SỞ TƯ PHÁP', abbreviation: 'STP' } }), 'CONFLICT', 'Tệp thẩm định này dành cho cơ quan "SỞ TƯ PHÁP", không phải "SỞ NỘI VỤ".');
    await expectRefused(a.assessmentId, 't.json', f({ agency: { name: 'Sở  Nội vụ', abbreviation: 'SXD' } }), 'CONFLICT', /dành cho cơ quan/);
    await expectRefused(a.assessmentId, 't.json', f({ setHash: 'b'.repeat(64) }), 'CONFLICT', /chấm theo một bộ chỉ số khác \(mã bbbbbbbbbbbb…\)/);
    await expectRefused(a.assessmentId, 't.json', f({ year: 2025 }), 'CONFLICT', 'Tệp thẩm định này dành cho năm 2025, kỳ đánh giá đang mở là năm 2026.');
  });

  it('refuses points above a maximum, unknown codes and duplicate codes', async () => {
    const a = await submittedAssessment(h);
    const f = (criteria: unknown[]) => jsonBytes(appraisalDoc(a.setHash, { criteria }));
    await expectRefused(a.assessmentId, 't.json', f([{ code: '1.4.2', points: 1.25 }]), 'INVALID_INPUT', 'Tiêu chí 1.4.2: điểm 1,25 vượt điểm tối đa 1.');
    await expectRefused(a.assessmentId, 't.json', f([{ code: '12.1' }]), 'INVALID_INPUT', /Mã tiêu chí 12\.1 không có trong bộ chỉ số/);
    await expectRefused(a.assessmentId, 't.json', f([{ code: '1.6', points: 1 }, { code: '1.6', points: 0 }]), 'INVALID_INPUT', /Mã tiêu chí 1\.6 xuất hiện hai lần/);
    await expectRefused(a.assessmentId, 't.json', f([{ code: '1.6', points: 1, extra: true }]), 'INVALID_INPUT', /Khóa không được phép: "extra"/);
  });

  it('refuses hostile JSON: huge, deep, __proto__, duplicate keys, not JSON, another type', async () => {
    const a = await submittedAssessment(h);
    const huge = Buffer.from(`{"format":"par-appraisal/v1","council":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    await expectRefused(a.assessmentId, 't.json', huge, 'TOO_LARGE', /quá lớn/);
    await expectRefused(a.assessmentId, 't.json', Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'INVALID_INPUT', /lồng nhau quá sâu/);
    await expectRefused(a.assessmentId, 't.json', Buffer.from(`{"__proto__":{"polluted":1},"format":"par-appraisal/v1"}`), 'INVALID_INPUT', /__proto__/);
    await expectRefused(a.assessmentId, 't.json', Buffer.from('{"round":1,"round":2}'), 'INVALID_INPUT', /round/);
    await expectRefused(a.assessmentId, 't.json', Buffer.from('not json'), 'INVALID_INPUT', /Không đọc được tệp thẩm định/);
    await expectRefused(a.assessmentId, 't.exe', Buffer.from('MZ'), 'UNSUPPORTED_TYPE', /Chỉ nhận tệp thẩm định/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('appraisal import', () => {
  it('imports a round: appraised status, self scores untouched, history rows, requests counted; twice = no change', async () => {
    const a = await submittedAssessment(h);
    const before = await h.call('assessments:open', { assessmentId: a.assessmentId });
    const bytes = jsonBytes(appraisalDoc(a.setHash));
    const first = ok(await upload(h, a.assessmentId, 'tham-dinh-vong-1.json', bytes));
    expect(first).toMatchObject({ round: 1, changed: true, lifecycle: { status: 'appraised' } });
    const v = first.appraisal;
    expect(v.requestCount).toBe(2);
    expect(v.openRequests).toBe(2);
    const c111 = v.criteria.find((c) => c.code === '1.1.1')!;
    expect(c111).toMatchObject({ appraisedPoints: 0.5, fromCouncil: true, request: 'explain', deadline: '2027-02-05', comment: 'Kế hoạch ban hành chậm.', open: true });
    expect(c111.difference).toBe(0.5 - c111.selfPoints!);
    expect(v.criteria.find((c) => c.code === '1.4.2')).toMatchObject({ fromCouncil: false, request: 'add-evidence', difference: 0 });

    const after = await h.call('assessments:open', { assessmentId: a.assessmentId });
    expect(after.answers).toEqual(before.answers);
    expect(after.totals).toEqual(before.totals);
    const history = await h.call('history:list', { assessmentId: a.assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 5 });
    expect(history.entries.slice(0, 2).map((e) => [e.kind, e.action])).toEqual([
      ['status', 'appraised'],
      ['import', 'appraisal'],
    ]);
    expect(JSON.parse(history.entries[1]!.after!)).toEqual({ round: 1, fileName: 'tham-dinh-vong-1.json', scored: 2, survey: 0, requests: 2 });

    const hash = databaseFileHash(h);
    // The same content, written differently, is the same file.
    const again = ok(await upload(h, a.assessmentId, 'ban-sao.json', Buffer.from(JSON.stringify(appraisalDoc(a.setHash)))));
    expect(again).toMatchObject({ round: 1, changed: false });
    expect(databaseFileHash(h)).toBe(hash);
  });

  it('a second round adds a round (newest entry wins); an older round number is refused', async () => {
    const a = await submittedAssessment(h);
    ok(await upload(h, a.assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash))));
    const second = appraisalDoc(a.setHash, { round: 2, criteria: [{ code: '1.1.1', points: 1, comment: 'Đã giải trình hợp lý.' }] });
    const r2 = ok(await upload(h, a.assessmentId, 'v2.json', jsonBytes(second)));
    expect(r2).toMatchObject({ round: 2, changed: true, lifecycle: { status: 'appraised' } });
    expect(r2.appraisal.rounds.map((r) => r.round)).toEqual([1, 2]);
    expect(r2.appraisal.criteria.find((c) => c.code === '1.1.1')).toMatchObject({ appraisedPoints: 1, round: 2, request: 'none' });
    expect(r2.appraisal.criteria.find((c) => c.code === '1.6')).toMatchObject({ appraisedPoints: 0, round: 1 });
    expect(r2.appraisal.requestCount).toBe(1);
    const lower = appraisalDoc(a.setHash, { round: 1, council: 'Khác' });
    await expectRefused(a.assessmentId, 'cu.json', jsonBytes(lower), 'CONFLICT', 'Vòng thẩm định 1 không mới hơn vòng 2 đã nhập (từ tệp "v2.json"); vòng sau phải có số lớn hơn.');
  });

  it('survey points complete the index: the survey maxima join the applicable maximum', async () => {
    const a = await submittedAssessment(h);
    const self = (await h.call('assessments:open', { assessmentId: a.assessmentId })).totals;
    const v1 = ok(await upload(h, a.assessmentId, 'v1.json', jsonBytes(appraisalDoc(a.setHash, { criteria: [] })))).appraisal;
    expect(v1.surveyMissing).toBe(SURVEY_CODES.length);
    expect(v1.appraised.applicableMax).toBe(self.applicableMaxMilli / 1000);
    const survey = SURVEY_CODES.map((code) => ({ code, points: 1 }));
    const v2 = ok(await upload(h, a.assessmentId, 'v2.json', jsonBytes(appraisalDoc(a.setHash, { round: 2, criteria: [], survey })))).appraisal;
    expect(v2.surveyMissing).toBe(0);
    expect(v2.appraised.applicableMax).toBe((self.applicableMaxMilli + self.surveyMaxMilli) / 1000);
    expect(v2.appraised.points).toBeCloseTo(self.pointsMilli / 1000 + SURVEY_CODES.length, 6);
    expect(v2.criteria.find((c) => c.code === '8.1.1')).toMatchObject({ survey: true, selfPoints: null, appraisedPoints: 1 });
  });

  it('a published rank and class close the assessment with the result', async () => {
    const a = await submittedAssessment(h);
    const doc = appraisalDoc(a.setHash, { totals: { points: 80, bonus: 2, penalty: 0.5, total: 81.5, percent: 84.02, className: 'Tốt' }, published: { rank: 4, rankOf: 21, className: 'Tốt', publishedOn: '2027-03-01' } });
    const r = ok(await upload(h, a.assessmentId, 'cong-bo.json', jsonBytes(doc)));
    expect(r.lifecycle).toMatchObject({ status: 'closed', published: { finalScore: 81.5, indexPercent: 84.02, className: 'Tốt', rank: 4, rankOf: 21, publishedOn: '2027-03-01' } });
    expect(r.appraisal.rounds[0]).toMatchObject({ statedTotal: 81.5, statedPercent: 84.02 });
    expect(r.appraisal.canRespond).toBe(false);
  });
});
