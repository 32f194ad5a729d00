/** What a Sở Nội vụ reviewer checks by hand in a commune's report: every summary row's arithmetic
 *  (the applicable maximum beside the full one), the agency's ordinary name inside sentences, the
 *  number line with the unit's abbreviation, the set cited as a document, one minus sign. Read from
 *  the .docx XML and, where LibreOffice is installed, from the PDF it makes. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSoffice } from '../../../main/report/libreoffice';
import type { AnswerInput } from '../../../shared/domain/answer';
import { agencyDraft } from '../../helpers/agency-fixture';
import { createHarness, type Harness } from '../../helpers/app-harness';
import { makeMinimalSet } from '../../helpers/criteria-set-fixture';
import { docxParts, tableRows, xmlText } from '../../helpers/docx-xml';
import { departmentAssessment, newDepartmentAssessment } from '../../helpers/report-assessment';

const soffice = findSoffice();
const canConvert = soffice !== null && spawnSync('pdftotext', ['-v']).error === undefined;
if (!canConvert) console.log('report-reader: the PDF check is skipped: LibreOffice (soffice) or poppler-utils is not installed; .ci/run installs them');

const DECISION = 'Quyết định số 12/QĐ-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh Hòa Bình';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

async function communeAssessment(): Promise<number> {
  const agency = await h.call(
    'agencies:create',
    agencyDraft({ name: 'ỦY BAN NHÂN DÂN XÃ HÒA BÌNH', superiorBody: 'ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH', abbreviation: '', level: 'commune', placeName: 'Hòa Bình', signerAuthority: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH' }),
  );
  expect({ ordinaryName: agency.ordinaryName, abbreviation: agency.abbreviation }).toEqual({ ordinaryName: 'Ủy ban nhân dân xã Hòa Bình', abbreviation: 'UBND' });
  const set = { ...makeMinimalSet(), level: 'commune' as const, title: 'Tỉnh Hòa Bình Xanh — cấp xã — 2026 (kiểm thử)' };
  set.legalBasis = [...set.legalBasis, `${DECISION} ban hành Bộ chỉ số cải cách hành chính của Ủy ban nhân dân các xã`];
  const imported = await h.call('criteriaSets:import', { fileName: 'hoa-binh.json', text: JSON.stringify(set), confirmNewVersion: false });
  const a = await h.call('assessments:create', { agencyId: agency.id, year: 2026, setHash: imported.summary.hash });
  const save = (code: string, answer: { input: AnswerInput['input']; notApplicable?: boolean }) => h.call('answers:save', { assessmentId: a.id, code, answer: { notApplicable: false, explanation: 'Có tài liệu', ...answer } });
  await save('1.3.1', { input: null, notApplicable: true });
  await save('1.3.3', { input: { kind: 'manual', points: 0.75 } });
  await save('9.2.1', { input: { kind: 'manual', points: 0.5 } });
  return a.id;
}

async function exportReport(assessmentId: number, format: 'docx' | 'pdf'): Promise<string> {
  const r = await h.call('report:export', { assessmentId, final: false, format });
  return path.join(h.dataDir, r.downloadPath);
}

describe('the report as a Sở Nội vụ reviewer reads it', () => {
  it('shows the applicable maximum in the summary table so each row checks by hand', async () => {
    const id = await communeAssessment();
    const doc = docxParts(fs.readFileSync(await exportReport(id, 'docx'))).document;
    const rows = tableRows(doc).map(xmlText);
    // Field 1 (8 points) has 1.3.1 (1 point) not applicable: 0,75 of 7 is 10,71 %.
    expect(rows.find((r) => r.startsWith('1Công tác chỉ đạo'))).toMatch(/8 \(áp dụng 7\)0,7510,71$/);
    const fieldTotal = rows.find((r) => r.startsWith('Cộng điểm các lĩnh vực'))!;
    expect(fieldTotal).toMatch(/^Cộng điểm các lĩnh vực20 \(áp dụng \d+(,\d+)?\)0,75/);
    expect(rows.find((r) => r.startsWith('Điểm trừ'))).toContain('-0,5');
  });

  it('writes the ordinary name in sentences and titles, the abbreviation in the number and filing lines, and cites the set as a document', async () => {
    const id = await communeAssessment();
    const text = xmlText(docxParts(fs.readFileSync(await exportReport(id, 'docx'))).document);
    expect(text).toContain('ỦY BAN NHÂN DÂNXÃ HÒA BÌNH'); // the header keeps the capitals (two lines)
    expect(text).toMatch(/BÁO CÁOKết quả tự đánh giá, chấm điểm Chỉ số cải cách hành\s?chính năm 2026 của Ủy ban nhân dân xã Hòa Bình/);
    expect(text).toContain(`theo Bộ chỉ số “Tỉnh Hòa Bình Xanh — cấp xã — 2026 (kiểm thử)” ban hành kèm theo ${DECISION}, Ủy ban nhân dân xã Hòa Bình báo cáo kết quả như sau:`);
    expect(text).not.toMatch(/của ỦY BAN|ỦY BAN NHÂN DÂN XÃ HÒA BÌNH báo cáo/);
    expect(text).toContain('Số: …/BC-UBND');
    expect(text).toContain('- Lưu: VT, UBND.');
    expect(text).not.toContain('\u2212');
  });

  it('labels the class "tạm tính" while self-scored leaves are unanswered, as the screen does; plain once all are; none before any', async () => {
    const partial = xmlText(docxParts(fs.readFileSync(await exportReport(await communeAssessment(), 'docx'))).document);
    expect(partial).toMatch(/Xếp loại\S[^()]* \(tạm tính\)/);
    expect(partial).toMatch(/%, xếp loại tạm tính \S[^()]* \(còn \d+ tiêu chí chưa chấm\)\. Chi tiết/);

    const complete = xmlText(docxParts(fs.readFileSync(await exportReport((await departmentAssessment(h, { complete: true })).assessmentId, 'docx'))).document);
    expect(complete).not.toContain('tạm tính');
    expect(complete).toMatch(/%, xếp loại [^.()]+\. Chi tiết/);

    const none = xmlText(docxParts(fs.readFileSync(await exportReport((await newDepartmentAssessment(h)).assessmentId, 'docx'))).document);
    expect(none).toContain('Xếp loạiChưa xếp loại (chưa chấm tiêu chí nào)');
    expect(none).toContain('%, chưa xếp loại vì chưa chấm tiêu chí nào. Chi tiết');
  });

  it('refuses a department profile without its abbreviation, in Vietnamese, and saves nothing', async () => {
    const refused = await h.fail('agencies:create', agencyDraft({ abbreviation: ' ' }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.issues?.map((i) => [i.path, i.message])).toEqual([['abbreviation', expect.stringContaining('Sở, ban, ngành cần nhập tên viết tắt')]]);
    expect((await h.call('agencies:list', {})).agencies).toEqual([]);
  });

  it.skipIf(!canConvert)('reads the same through LibreOffice', async () => {
    const id = await communeAssessment();
    const pdf = await exportReport(id, 'pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('8 (áp dụng 7)');
    expect(text).toContain('Số: …/BC-UBND');
    expect(text).toContain('Ủy ban nhân dân xã Hòa Bình báo cáo kết quả như sau');
    expect(text).toContain('- Lưu: VT, UBND.');
    expect(text).toMatch(/xếp loại tạm tính \S[^()]* \(còn \d+ tiêu chí chưa chấm\)/);
    expect(text).toContain('(tạm tính)');
  }, 120_000);
});
