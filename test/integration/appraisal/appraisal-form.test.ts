/** The .xlsx appraisal form: exported for the assessment (Appendix 1 plus the council's columns),
 *  filled the way a council would in Excel, imported like a JSON file; a mistake is refused with
 *  its cell named in Vietnamese and nothing changed. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORM_HEADER } from '../../../main/appraisal/form-layout';
import { createHarness, databaseFileHash, type Harness } from '../../helpers/app-harness';
import { submittedAssessment, upload } from '../../helpers/appraisal-fixture';

let h: Harness;
beforeEach(() => {
  h = createHarness();
});
afterEach(() => h.dispose());

async function exportedForm(assessmentId: number): Promise<ExcelJS.Workbook> {
  const out = await h.call('appraisal:exportForm', { assessmentId });
  expect(out.fileName).toBe('bieu-mau-tham-dinh-2026-snv.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(path.join(h.dataDir, out.downloadPath)) as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).value === code) found = row;
  });
  if (!found) throw new Error(`no row for ${code}`);
  return found;
}

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await wb.xlsx.writeBuffer());

describe('the appraisal form (.xlsx)', () => {
  it('is Appendix 1 with the council columns, and a filled one imports as a round (survey points included)', async () => {
    const a = await submittedAssessment(h);
    const wb = await exportedForm(a.assessmentId);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Thẩm định');
    const header = rowOf(ws, 'STT');
    expect((header.values as unknown[]).slice(1)).toEqual([...FORM_HEADER]);
    expect(rowOf(ws, '1.1.1').getCell(3).value).toBe('1');
    expect(rowOf(ws, '8.1.1').getCell(4).value).toBe('Điều tra XHH');

    const r111 = rowOf(ws, '1.1.1');
    r111.getCell(7).value = '0,5';
    r111.getCell(8).value = 'Kế hoạch ban hành chậm.';
    r111.getCell(9).value = 'Giải trình';
    r111.getCell(10).value = '05/02/2027';
    const r142 = rowOf(ws, '1.4.2');
    r142.getCell(8).value = 'Thiếu tin, bài.';
    r142.getCell(9).value = 'bổ sung tài liệu';
    r142.getCell(10).value = new Date(Date.UTC(2027, 1, 5));
    rowOf(ws, '8.1.1').getCell(7).value = 2;
    ws.getRow(7).getCell(2).value = '20/01/2027'; // Ngày thẩm định
    const r = await upload(h, a.assessmentId, 'bieu-mau-da-dien.xlsx', await bytesOf(wb));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ round: 1, changed: true, lifecycle: { status: 'appraised' } });
    const v = r.value.appraisal;
    expect(v.rounds[0]).toMatchObject({ round: 1, appraisedOn: '2027-01-20', fileName: 'bieu-mau-da-dien.xlsx' });
    expect(v.criteria.find((c) => c.code === '1.1.1')).toMatchObject({ appraisedPoints: 0.5, request: 'explain', deadline: '2027-02-05' });
    expect(v.criteria.find((c) => c.code === '1.4.2')).toMatchObject({ request: 'add-evidence', deadline: '2027-02-05', fromCouncil: false });
    expect(v.criteria.find((c) => c.code === '8.1.1')).toMatchObject({ survey: true, appraisedPoints: 2 });
    expect(v.surveyMissing).toBe(9);
  });

  it('names the cell of each mistake, in Vietnamese, and changes nothing', async () => {
    const a = await submittedAssessment(h);
    const wb = await exportedForm(a.assessmentId);
    const ws = wb.worksheets[0]!;
    const r142 = rowOf(ws, '1.4.2');
    r142.getCell(7).value = '1,25';
    const r111 = rowOf(ws, '1.1.1');
    r111.getCell(9).value = 'Giải trình';
    r111.getCell(10).value = '31/02/2027';
    rowOf(ws, '1.6').getCell(9).value = 'Xem lại';
    const before = databaseFileHash(h);
    const r = await upload(h, a.assessmentId, 'sai.xlsx', await bytesOf(wb));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.message).toContain(`Ô J${r111.number}: Ngày 31/02/2027 không có thật`);
    expect(r.error.message).toContain(`Ô I${rowOf(ws, '1.6').number}: ghi "Giải trình", "Bổ sung tài liệu" hoặc để trống`);
    expect(databaseFileHash(h)).toBe(before);

    // With those fixed, the points above the maximum are named by cell too.
    r111.getCell(10).value = '05/02/2027';
    rowOf(ws, '1.6').getCell(9).value = '';
    const again = await upload(h, a.assessmentId, 'sai.xlsx', await bytesOf(wb));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.message).toContain(`Ô G${r142.number}: Tiêu chí 1.4.2: điểm 1,25 vượt điểm tối đa 1.`);
    expect(databaseFileHash(h)).toBe(before);
  });

  it('refuses a workbook that is not the form', async () => {
    const a = await submittedAssessment(h);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    const r = await upload(h, a.assessmentId, 'khac.xlsx', await bytesOf(wb));
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Không thấy dòng tiêu đề của bảng') } });
  });
});
