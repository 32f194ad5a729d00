/** The year-over-year screen's data and its .xlsx, on a real SQLite file: three years (2025 on its
 *  own set, 2026 closed with a published result, 2027 created from 2026 on the changed set), the
 *  points per field, and the criterion that lost points followed through the renumbering. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAssessmentStatus } from '../../../main/store/queries/assessments';
import { upsertPublishedResult } from '../../../main/store/queries/submissions';
import { fullAnswers } from '../../helpers/answer-generator';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { installSet, lastYear, setOfYear, type LastYear } from '../../helpers/next-year-fixture';

let h: Harness;
let last: LastYear;
let ids: { y2025: number; y2027: number };

beforeEach(async () => {
  h = createHarness();
  last = await lastYear(h);
  const hash2025 = await installSet(h, setOfYear(2025));
  const y2025 = (await h.call('assessments:create', { agencyId: last.agencyId, year: 2025, setHash: hash2025 })).id;
  for (const [code, answer] of fullAnswers(setOfYear(2025), 3)) await h.call('answers:save', { assessmentId: y2025, code, answer });
  setAssessmentStatus(h.ctx.db, last.assessmentId, 'closed', '2027-03-01T00:00:00.000Z');
  upsertPublishedResult(h.ctx.db, last.assessmentId, { finalScoreMilli: 15_250, indexMilli: 81_500, className: 'Tốt', rank: 4, rankOf: 21, publishedOn: '2027-03-01', enteredAt: 't' });
  const y2027 = (await h.call('years:createNext', { assessmentId: last.assessmentId, setHash: last.hash2027, year: 2027, corrections: {} })).assessment.id;
  for (const [code, answer] of fullAnswers(setOfYear(2027), 1)) {
    const input = code === '1.3.2' ? { kind: 'rate' as const, numerator: 0, denominator: 10 } : answer.input;
    await h.call('answers:save', { assessmentId: y2027, code, answer: { ...answer, input } });
  }
  ids = { y2025, y2027 };
});
afterEach(() => h.dispose());

describe('years:compare', () => {
  it('gives index and class per year, the published result where closed, points per field, and the criteria that lost points', async () => {
    const c = await h.call('years:compare', { agencyId: last.agencyId });
    expect(c.years.map((y) => [y.year, y.assessmentId, y.status])).toEqual([
      [2025, ids.y2025, 'draft'],
      [2026, last.assessmentId, 'closed'],
      [2027, ids.y2027, 'draft'],
    ]);
    for (const y of c.years) {
      const totals = (await h.call('assessments:open', { assessmentId: y.assessmentId })).totals;
      expect([y.selfMilli, y.selfIndexMilli, y.selfClass]).toEqual([totals.totalMilli, Math.round(totals.percent * 1000), totals.className]);
    }
    expect(c.years[1]!.published).toEqual({ finalScoreMilli: 15_250, indexMilli: 81_500, className: 'Tốt', rank: 4, rankOf: 21 });
    expect(c.years[0]!.published).toBeNull();
    expect(c.fields.map((f) => [f.code, f.pointsMilli.length])).toEqual([['1', 3], ['2', 3]]);
    const open2026 = await h.call('assessments:open', { assessmentId: last.assessmentId });
    expect(c.fields[0]!.pointsMilli[1]).toBe(open2026.totals.nodes['1']!.pointsMilli);
    const renumbered = c.lost.find((l) => l.toYear === 2027 && l.code === '1.3.2')!;
    expect(renumbered).toMatchObject({ fromYear: 2026, fromCodes: ['1.3.1'], afterMilli: 0, title: 'Tỷ lệ đơn vị trực thuộc được kiểm tra công tác cải cách hành chính' });
    expect(renumbered.beforeMilli).toBe(open2026.totals.nodes['1.3.1']!.pointsMilli);
    expect(c.lost.every((l) => l.afterMilli < l.beforeMilli)).toBe(true);
    expect(c.lost[0]!.toYear).toBe(2027); // newest pair first
  });

  it('refuses an agency that does not exist', async () => {
    expect(await h.fail('years:compare', { agencyId: 999 })).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy cơ quan.' });
  });
});

describe('years:exportCompare', () => {
  it('writes an .xlsx with the years, the fields and the lost criteria, numbers as numbers', async () => {
    const file = await h.call('years:exportCompare', { agencyId: last.agencyId });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(h.dataDir, file.downloadPath));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Các năm', 'Điểm theo lĩnh vực', 'Tiêu chí bị giảm điểm']);
    const years = wb.getWorksheet('Các năm')!;
    expect(years.getRow(1).getCell(1).value).toBe('Năm');
    expect([2, 3, 4].map((r) => years.getRow(r).getCell(1).value)).toEqual([2025, 2026, 2027]);
    expect(years.getRow(3).getCell(8).value).toBe(15.25);
    expect(years.getRow(3).getCell(10).value).toBe('Tốt');
    expect(years.getRow(3).getCell(11).value).toBe('4/21');
    const lost = wb.getWorksheet('Tiêu chí bị giảm điểm')!;
    const codes = lost.getColumn(3).values.slice(2);
    expect(codes).toContain('1.3.2');
    expect(fs.readdirSync(path.join(h.dataDir, 'exports')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
