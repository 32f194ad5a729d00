/** The final report of the year with self and appraised scores side by side: exported after an
 *  appraisal was imported, converted with LibreOffice and read back with pdftotext; refused in
 *  Vietnamese before any appraisal. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSoffice } from '../../../main/report/libreoffice';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import { toMilli } from '../../../shared/domain/points';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { appraisalDoc, jsonBytes, submittedAssessment, upload } from '../../helpers/appraisal-fixture';

const soffice = findSoffice();
const canRun = soffice !== null && spawnSync('pdftotext', ['-v']).error === undefined;
if (!canRun) console.log('report-with-appraisal: SKIPPED the PDF check: LibreOffice (soffice) or pdftotext is not installed here.');

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

describe('report with self and appraised columns', () => {
  it('is refused in Vietnamese while no appraisal was imported, and the normal report is unchanged', async () => {
    const a = await submittedAssessment(h);
    const error = await h.fail('report:export', { assessmentId: a.assessmentId, final: false, format: 'docx', withAppraisal: true });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Chưa nhập kết quả thẩm định');
    const normal = await h.call('report:export', { assessmentId: a.assessmentId, final: false, format: 'docx' });
    expect(normal.fileName).toBe('bao-cao-tu-danh-gia-cchc-2026-snv.docx');
  });

  it.skipIf(!canRun)('shows both columns, a criterion with its self and appraised points, and both totals', async () => {
    const a = await submittedAssessment(h);
    const imported = await upload(h, a.assessmentId, 'tham-dinh.json', jsonBytes(appraisalDoc(a.setHash)));
    expect(imported.ok).toBe(true);
    const view = await h.call('appraisal:get', { assessmentId: a.assessmentId });
    const c = view.criteria.find((x) => x.code === '1.6')!;
    expect(c.selfPoints).not.toBe(c.appraisedPoints);
    expect(c.appraisedPoints).toBe(0);
    const r = await h.call('report:export', { assessmentId: a.assessmentId, final: true, format: 'pdf', withAppraisal: true });
    expect(r.fileName).toBe('bao-cao-cuoi-nam-tu-danh-gia-va-tham-dinh-cchc-2026-snv.pdf');
    const pdf = path.join(h.dataDir, r.downloadPath);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const layoutLines = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\n');
    for (const expected of ['Kết quả cuối năm (tự đánh giá và thẩm định)', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Chênh lệch']) expect(text, expected).toContain(expected);
    const self = formatPointsVi(toMilli(c.selfPoints!));
    const appraised = formatPointsVi(toMilli(c.appraisedPoints!));
    // Appendix 1's row of 1.6: code, title, maximum, self, appraised and the difference on one line.
    const row = layoutLines.find((l) => /^\s*1\.6\s/.test(l) && l.includes(c.title.slice(0, 12)));
    expect(row, layoutLines.filter((l) => l.includes('1.6')).join('\n')).toBeDefined();
    expect(row!.replace(/\s+/g, ' ')).toMatch(new RegExp(` ${self} ${appraised} [-−]${self} `));
    const totalRow = layoutLines.find((l) => /^\s*Tổng điểm\s/.test(l));
    expect(totalRow?.replace(/\s+/g, ' ')).toContain(`${formatPointsVi(toMilli(view.self.total))} ${formatPointsVi(toMilli(view.appraised.total))}`);
    expect(text).toContain(`Tổng điểm tự đánh giá: ${formatPointsVi(toMilli(view.self.total))} điểm, đạt ${formatPercentVi(view.self.percent)}%`);
    expect(text).toContain(`Tổng điểm thẩm định (lần 1): ${formatPointsVi(toMilli(view.appraised.total))} điểm`);
    expect(text).toContain(`đạt ${formatPercentVi(view.appraised.percent)}%`);
  }, 180_000);
});
