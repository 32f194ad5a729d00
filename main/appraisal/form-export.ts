/** "Xuất biểu mẫu thẩm định (.xlsx)": the report's Appendix 1 (every field, criterion and
 *  sub-criterion with its maximum, self score, evidence and explanation) plus the columns the
 *  council fills: "Điểm thẩm định", "Ý kiến thẩm định", the request and its deadline. Written to
 *  <data>/exports/ through a temp file, fsynced and renamed like every export. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { ExportedFileView } from '../../shared/api/channels/history';
import { asciiSlug } from '../report/report-file-name';
import { formatPointsVi } from '../../shared/format/numbers';
import { writeFileAtomic } from '../disk/atomic-write';
import { buildReportModel } from '../report/docx/build-model';
import { evidenceLine, selfScoreText } from '../report/docx/format';
import { EXPORTS_FOLDER } from '../report/export-report';
import { requireAssessment } from '../assessment/assessment-view';
import { listRounds } from '../store/queries/appraisal';
import { FORM_HEADER, FORM_LABELS, FORM_SHEET, REQUEST_WORDS } from './form-layout';

const WIDTHS = [9, 60, 10, 12, 45, 40, 12, 40, 22, 14];

export async function exportAppraisalForm(db: Database.Database, dataDir: string, assessmentId: number, now: string): Promise<ExportedFileView> {
  const { model, setHash, round } = db.transaction(() => {
    const a = requireAssessment(db, assessmentId);
    return { model: buildReportModel(db, assessmentId, now), setHash: a.setHash, round: (listRounds(db, assessmentId).at(-1)?.round ?? 0) + 1 };
  })();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(FORM_SHEET);
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.addRow([`BIỂU MẪU KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${model.year} (par-appraisal/v1)`]).font = { bold: true };
  const details: [string, string | number][] = [
    [FORM_LABELS.agency, model.agency.name],
    [FORM_LABELS.abbreviation, model.agency.abbreviation],
    [FORM_LABELS.year, model.year],
    [FORM_LABELS.setHash, setHash],
    [FORM_LABELS.round, round],
    [FORM_LABELS.appraisedOn, ''],
    [FORM_LABELS.council, ''],
  ];
  for (const d of details) ws.addRow(d).getCell(1).font = { bold: true };
  ws.addRow([`Hội đồng ghi các cột G–J ở dòng tiêu chí chấm điểm. Để trống "Điểm thẩm định" là giữ điểm tự đánh giá. Đề nghị ghi "${REQUEST_WORDS.explain}" hoặc "${REQUEST_WORDS['add-evidence']}" và ghi hạn.`]).font = { italic: true };
  const header = ws.addRow([...FORM_HEADER]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  for (const row of model.rows) {
    const score = row.isLeaf ? selfScoreText(row).text : row.pointsMilli === null ? '' : formatPointsVi(row.pointsMilli);
    const r = ws.addRow([row.code, row.title, formatPointsVi(row.maxMilli), score, row.evidence.map(evidenceLine).join('\n'), row.explanation]);
    r.alignment = { wrapText: true, vertical: 'top' };
    if (!row.isLeaf) r.font = { bold: true };
  }
  const fileName = `bieu-mau-tham-dinh-${model.year}-${asciiSlug(model.agency.abbreviation || model.agency.name)}.xlsx`;
  const file = path.join(dataDir, EXPORTS_FOLDER, fileName);
  await writeFileAtomic(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const size = (await fs.promises.stat(file)).size;
  return { fileName, size, downloadPath: `${EXPORTS_FOLDER}/${fileName}` };
}
