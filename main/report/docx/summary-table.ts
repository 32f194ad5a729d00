/** Part I: the summary table by field, the adjustments, the total, the index and the class. */
import { AlignmentType, type FileChild, type Paragraph } from 'docx';
import type { ReportModel, ReportRow } from './model';
import { formatPercentVi, signedPointsVi } from '../../../shared/format/numbers';
import { gridTable, headerCells, type GridCell } from './grid';
import { classCellText, classSentence, percentText, points, selfScoreText } from './format';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { bodyPara, headingPara } from './text';

const WIDTHS = [700, PORTRAIT_TEXT_WIDTH - 700 - 1300 - 1400 - 1300, 1300, 1400, 1300];
const HEADER = ['STT', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tự đánh giá', 'Tỷ lệ (%)'];
const C = AlignmentType.CENTER;

const num = (text: string, bold = false): GridCell => ({ text, align: C, bold });
const label = (text: string, bold = false): GridCell => ({ text, span: 2, bold });

/** The maximum the percentage is computed on, with the full one beside it where they differ:
 *  "10 (áp dụng 8)", so every row can be checked by hand. */
export function maxText(fullMilli: number, applicableMilli: number): string {
  return fullMilli === applicableMilli ? points(fullMilli) : `${points(fullMilli)} (áp dụng ${points(applicableMilli)})`;
}

function fieldCells(row: ReportRow, model: ReportModel): GridCell[] {
  const node = model.totals.nodes[row.code];
  const score = selfScoreText(row);
  return [
    num(row.code),
    { text: row.title },
    num(maxText(row.maxMilli, node?.applicableMaxMilli ?? 0)),
    { text: score.text, italics: score.italics, align: C },
    num(percentText(node?.pointsMilli ?? 0, node?.applicableMaxMilli ?? 0, model.set.rounding.mode)),
  ];
}

function adjustmentCells(model: ReportModel): GridCell[][] {
  const rows: GridCell[][] = [];
  const bonus = model.rows.find((r) => r.part === 'bonus' && r.depth === 1);
  const penalty = model.rows.find((r) => r.part === 'penalty' && r.depth === 1);
  if (bonus) rows.push([label(bonus.title), num(points(bonus.maxMilli)), num(points(model.totals.bonusMilli)), num('')]);
  if (penalty) rows.push([label(penalty.title), num(points(penalty.maxMilli)), num(signedPointsVi('-', model.totals.penaltyMilli)), num('')]);
  return rows;
}

function totalCells(model: ReportModel): GridCell[][] {
  const t = model.totals;
  const mode = model.set.rounding.mode;
  return [
    [label('Cộng điểm các lĩnh vực'), num(maxText(t.maxMilli, t.applicableMaxMilli)), num(points(t.pointsMilli)), num(percentText(t.pointsMilli, t.applicableMaxMilli, mode))],
    ...adjustmentCells(model),
    [label('Tổng điểm tự đánh giá', true), num(''), num(points(t.totalMilli), true), num('')],
    [label('Điểm tối đa áp dụng (không tính tiêu chí không áp dụng và tiêu chí điều tra xã hội học)'), num(points(t.applicableMaxMilli)), num(''), num('')],
    [label('Chỉ số cải cách hành chính tự đánh giá (%)', true), num(''), num(''), num(formatPercentVi(t.percent), true)],
    [label('Xếp loại', true), { text: classCellText(t), bold: true, align: C, span: 3 }],
  ];
}

export function summaryTable(model: ReportModel): FileChild {
  const fields = model.rows.filter((r) => r.part === 'main' && r.depth === 1);
  const rows = [...fields.map((f) => fieldCells(f, model)), ...totalCells(model)];
  return gridTable(WIDTHS, headerCells(HEADER), rows, { size: SIZE.table });
}

function notes(model: ReportModel): Paragraph[] {
  const t = model.totals;
  const out: Paragraph[] = [];
  if (model.set.status === 'sample') out.push(bodyPara('Ghi chú: Chấm theo Bộ chỉ số mẫu, không phải bộ chỉ số chính thức.', { italics: true }));
  if (model.set.status === 'draft') out.push(bodyPara('Ghi chú: Chấm theo dự thảo bộ chỉ số, chưa phải bộ chỉ số chính thức.', { italics: true }));
  if (t.surveyMaxMilli > 0) {
    out.push(bodyPara(`Các tiêu chí chấm qua điều tra xã hội học (${points(t.surveyMaxMilli)} điểm) không thuộc phần tự đánh giá; tỷ lệ (%) tính trên điểm tối đa áp dụng.`, { italics: true }));
  }
  return out;
}

export function summarySection(model: ReportModel): FileChild[] {
  const t = model.totals;
  const result = `Tổng điểm tự đánh giá: ${points(t.totalMilli)} điểm trên ${points(t.applicableMaxMilli)} điểm tối đa áp dụng, đạt ${formatPercentVi(t.percent)}%, ${classSentence(t)}. Chi tiết từng tiêu chí tại Phụ lục 1 kèm theo.`;
  return [
    headingPara('I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'),
    summaryTable(model),
    bodyPara('', { after: 0 }),
    bodyPara(result),
    ...notes(model),
  ];
}
