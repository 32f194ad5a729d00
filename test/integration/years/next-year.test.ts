/** "Tạo kỳ đánh giá năm sau" through the real dispatch on a real SQLite file: the mapping shown,
 *  the officer's correction, the new draft with no scores, the suggestions accepted (through the
 *  normal save and link paths, with history) or dismissed; and the year/set mismatch refusal. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAnswers } from '../../../main/store/queries/answers';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { EXPLANATION_131, lastYear, type LastYear } from '../../helpers/next-year-fixture';

let h: Harness;
let last: LastYear;
beforeEach(async () => {
  h = createHarness();
  last = await lastYear(h);
});
afterEach(() => h.dispose());

const historyOf = async (assessmentId: number) => (await h.call('history:list', { assessmentId, filter: { kind: null, code: null, from: null, to: null }, beforeId: null, limit: 200 })).entries;
const countAssessments = async () => (await h.call('assessments:list', { agencyId: last.agencyId })).assessments.length;

describe('years:planNext', () => {
  it('shows the renumbered and changed leaves, and a correction turns a pair into removed + new', async () => {
    const plan = await h.call('years:planNext', { assessmentId: last.assessmentId, setHash: last.hash2027, corrections: {} });
    expect(plan.year).toBe(2027);
    const row = (code: string) => plan.rows.find((r) => r.to.some((t) => t.code === code))!;
    expect(row('1.3.2')).toMatchObject({ kind: 'renumbered', by: 'title', from: [expect.objectContaining({ code: '1.3.1' })] });
    expect(row('1.1.3')).toMatchObject({ kind: 'changed', by: 'code' });
    expect(plan.offered).toEqual({ explanations: 1, links: 1 });

    const corrected = await h.call('years:planNext', { assessmentId: last.assessmentId, setHash: last.hash2027, corrections: { '1.3.1': null } });
    expect(corrected.rows.find((r) => r.kind === 'removed')).toMatchObject({ from: [expect.objectContaining({ code: '1.3.1' })], corrected: true });
    expect(corrected.offered).toEqual({ explanations: 0, links: 0 });
  });

  it('refuses a correction naming a code that is not a leaf, in Vietnamese', async () => {
    const error = await h.fail('years:planNext', { assessmentId: last.assessmentId, setHash: last.hash2027, corrections: { '1.3': '1.3.1' } });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'Tiêu chí 1.3 không có trong bộ chỉ số năm trước.' });
  });
});

describe('years:createNext', () => {
  it('creates a draft with no scores, suggestions from last year through the mapping, and one history row', async () => {
    const before = listAnswers(h.ctx.db, last.assessmentId).length;
    const { assessment, suggestions } = await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2027, corrections: { '1.1.3': null } });
    expect(assessment).toMatchObject({ year: 2027, setHash: last.hash2027, status: 'draft', agencyId: last.agencyId });
    expect(suggestions).toBe(2);
    expect(listAnswers(h.ctx.db, assessment.id)).toEqual([]);
    expect((await h.call('assessments:open', { assessmentId: assessment.id })).totals.answeredCount).toBe(0);
    expect(listAnswers(h.ctx.db, last.assessmentId)).toHaveLength(before); // last year untouched

    const offered = (await h.call('years:suggestions', { assessmentId: assessment.id })).suggestions;
    expect(offered.map((s) => [s.code, s.sourceCode, s.kind, s.sourceYear])).toEqual([
      ['1.3.2', '1.3.1', 'explanation', 2026],
      ['1.3.2', '1.3.1', 'link', 2026],
    ]);
    expect(offered[0]!.explanation).toBe(EXPLANATION_131);
    expect(offered[1]!.item).toMatchObject({ id: last.itemId, docNumber: '30/KH-SNV' });

    const created = (await historyOf(assessment.id)).filter((e) => e.kind === 'status');
    expect(created).toHaveLength(1);
    expect(JSON.parse(created[0]!.after!)).toMatchObject({ fromAssessmentId: last.assessmentId, fromYear: 2026, corrections: { '1.1.3': null }, suggestions: 2 });
  });

  it('accepting writes through the normal save and link paths with history; dismissing writes nothing', async () => {
    const { assessment } = await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2027, corrections: {} });
    const [explanation, link] = (await h.call('years:suggestions', { assessmentId: assessment.id })).suggestions;
    const left = await h.call('years:decideSuggestion', { assessmentId: assessment.id, suggestionId: explanation!.id, accept: true });
    expect(left.suggestions.map((s) => s.id)).toEqual([link!.id]);
    const view = await h.call('assessments:open', { assessmentId: assessment.id });
    expect(view.answers.find((a) => a.code === '1.3.2')).toMatchObject({ explanation: EXPLANATION_131, input: null });
    expect(await h.fail('years:decideSuggestion', { assessmentId: assessment.id, suggestionId: explanation!.id, accept: true })).toMatchObject({ code: 'CONFLICT' });

    await h.call('years:decideSuggestion', { assessmentId: assessment.id, suggestionId: link!.id, accept: true });
    const items = (await h.call('evidence:listForAssessment', { assessmentId: assessment.id })).items;
    expect(items.map((i) => [i.id, i.links.filter((l) => l.assessmentId === assessment.id).map((l) => l.code)])).toEqual([[last.itemId, ['1.3.2']]]);
    const history = await historyOf(assessment.id);
    expect(history.filter((e) => e.kind === 'answer').map((e) => [e.action, e.code])).toEqual([['save', '1.3.2']]);
    expect(history.filter((e) => e.kind === 'link').map((e) => [e.action, e.code, e.itemId])).toEqual([['link', '1.3.2', last.itemId]]);
  });

  it('dismissing closes the offer and changes no answer or link', async () => {
    const { assessment } = await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2027, corrections: {} });
    for (const s of (await h.call('years:suggestions', { assessmentId: assessment.id })).suggestions) {
      await h.call('years:decideSuggestion', { assessmentId: assessment.id, suggestionId: s.id, accept: false });
    }
    expect((await h.call('years:suggestions', { assessmentId: assessment.id })).suggestions).toEqual([]);
    expect(listAnswers(h.ctx.db, assessment.id)).toEqual([]);
    expect((await h.call('evidence:listForAssessment', { assessmentId: assessment.id })).items).toEqual([]);
    // A locked assessment decides no suggestion (its own or another's).
    expect(await h.fail('years:decideSuggestion', { assessmentId: last.assessmentId, suggestionId: 1, accept: false })).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a year whose set is of another year unless confirmed, and a year not after the source', async () => {
    const n = await countAssessments();
    const error = await h.fail('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2028, corrections: {} });
    expect(error.code).toBe('NEEDS_CONFIRMATION');
    expect(error.message).toContain('dành cho năm 2027, khác năm đánh giá 2028');
    expect(await countAssessments()).toBe(n);
    expect(await h.fail('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2026, corrections: {} })).toMatchObject({ code: 'INVALID_INPUT' });
    const made = await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2028, corrections: {}, confirmYearMismatch: true });
    expect(made.assessment.year).toBe(2028);
    expect(await countAssessments()).toBe(n + 1);
  });
});

describe('documents dated outside the assessed year', () => {
  it("last year's plan linked again next year is listed as outside the year in the completeness list; this year's plan is not", async () => {
    expect((await h.call('evidence:gaps', { assessmentId: last.assessmentId })).itemsOutsideYear).toEqual([]);
    const { assessment } = await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2027, corrections: {} });
    const link = (await h.call('years:suggestions', { assessmentId: assessment.id })).suggestions.find((s) => s.kind === 'link')!;
    await h.call('years:decideSuggestion', { assessmentId: assessment.id, suggestionId: link.id, accept: true });
    const draft = { docNumber: '01/KH-SNV', issuedOn: '2026-12-20', issuer: 'Sở Nội vụ', docType: 'plan' as const, summary: 'Kế hoạch CCHC năm 2027' };
    await h.call('evidence:create', { assessmentId: assessment.id, code: '1.1.1', draft });
    const gaps = await h.call('evidence:gaps', { assessmentId: assessment.id });
    expect(gaps.itemsOutsideYear.map((i) => i.docNumber)).toEqual(['30/KH-SNV']);
  });
});

describe('assessments:create and the set year', () => {
  it('a 2027 assessment does not silently take a 2026 set', async () => {
    const n = await countAssessments();
    const error = await h.fail('assessments:create', { agencyId: last.agencyId, year: 2027, setHash: last.hash2026 });
    expect(error).toMatchObject({ code: 'NEEDS_CONFIRMATION' });
    expect(error.message).toMatch(/^Bộ chỉ số ".*" dành cho năm 2026, khác năm đánh giá 2027\. Hãy xác nhận/);
    expect(await countAssessments()).toBe(n);
    const confirmed = await h.call('assessments:create', { agencyId: last.agencyId, year: 2027, setHash: last.hash2026, confirmYearMismatch: true });
    expect(confirmed.year).toBe(2027);
    expect((await h.call('assessments:create', { agencyId: last.agencyId, year: 2027, setHash: last.hash2027 })).year).toBe(2027);
  });
});
