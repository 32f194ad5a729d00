/** Part I of the variant "tự đánh giá và thẩm định": per field the self and the appraised points
 *  side by side with their difference, then both totals, both indexes and both classes. */
import { AlignmentType, type FileChild } from 'docx';
import { formatPercentVi, signedPointsVi } from '../../../shared/format/numbers';
import { APPRAISED_HEADING, appraisedCells, DIFFERENCE_HEADING, differenceText, SELF_HEADING } from './appraised-cells';
import { classCellText, points, selfScoreText } from './format';
import { gridTable, headerCells, type GridCell } from './grid';
import type { ReportAppraisal, ReportModel, ReportRow } from './model';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { maxText } from './summary-table';
import { bodyPara, headingPara } from './text';

const WIDTHS = [700, PORTRAIT_TEXT_WIDTH - 700 - 1300 - 1300 - 1300 - 1100, 1300, 1300, 1300, 1100];
const HEADER = ['STT', 'Lĩnh vực', 'Điểm tối đa', SELF_HEADING, APPRAISED_HEADING, DIFFERENCE_HEADING];
const C = AlignmentType.CENTER;

const num = (text: string, bold = false): GridCell => ({ text, align: C, bold });
const label = (text: string, bold = false): GridCell => ({ text, span: 2, bold });

function fieldCells(row: ReportRow, model: ReportModel, appraisal: ReportAppraisal): GridCell[] {
  const node = model.totals.nodes[row.code];
  const score = selfScoreText(row);
  return [num(row.code), { text: row.title }, num(maxText(row.maxMilli, node?.applicableMaxMilli ?? 0)), { text: score.text, italics: score.italics, align: C }, ...appraisedCells(row, appraisal, false)];
}

/** A totals row; the penalty is shown and compared as a negative amount. */
function pair(label_: GridCell, max: string, self: number, appraised: number, bold = false, negative = false): GridCell[] {
  const show = (m: number): string => (negative ? signedPointsVi('-', m) : points(m));
  const diff = negative ? differenceText(-self, -appraised) : differenceText(self, appraised);
  return [label_, num(max), num(show(self), bold), num(show(appraised), bold), num(diff, bold)];
}

function totalCells(model: ReportModel, a: ReportAppraisal): GridCell[][] {
  const t = model.totals;
  const at = a.totals;
  const rows: GridCell[][] = [pair(label('Cộng điểm các lĩnh vực'), points(t.maxMilli), t.pointsMilli, at.pointsMilli)];
  const bonus = model.rows.find((r) => r.part === 'bonus' && r.depth === 1);
  const penalty = model.rows.find((r) => r.part === 'penalty' && r.depth === 1);
  if (bonus) rows.push(pair(label(bonus.title), points(bonus.maxMilli), t.bonusMilli, at.bonusMilli));
  if (penalty) rows.push(pair(label(penalty.title), points(penalty.maxMilli), t.penaltyMilli, at.penaltyMilli, false, true));
  rows.push(pair(label('Tổng điểm', true), '', t.totalMilli, at.totalMilli, true));
  rows.push([label('Điểm tối đa áp dụng'), num(''), num(points(t.applicableMaxMilli)), num(points(at.applicableMaxMilli)), num('')]);
  rows.push([label('Chỉ số cải cách hành chính (%)', true), num(''), num(formatPercentVi(t.percent), true), num(formatPercentVi(at.percent), true), num('')]);
  rows.push([label('Xếp loại', true), num(''), num(classCellText(t), true), num(at.className, true), num('')]);
  return rows;
}

export function summaryAppraisedTable(model: ReportModel, appraisal: ReportAppraisal): FileChild {
  const fields = model.rows.filter((r) => r.part === 'main' && r.depth === 1);
  const rows = [...fields.map((f) => fieldCells(f, model, appraisal)), ...totalCells(model, appraisal)];
  return gridTable(WIDTHS, headerCells(HEADER), rows, { size: SIZE.table });
}

export function summaryAppraisedSection(model: ReportModel, appraisal: ReportAppraisal): FileChild[] {
  const t = model.totals;
  const at = appraisal.totals;
  const result =
    `Tổng điểm tự đánh giá: ${points(t.totalMilli)} điểm, đạt ${formatPercentVi(t.percent)}%. ` +
    `Tổng điểm thẩm định (lần ${appraisal.round}): ${points(at.totalMilli)} điểm trên ${points(at.applicableMaxMilli)} điểm tối đa áp dụng, đạt ${formatPercentVi(at.percent)}%, xếp loại ${at.className}. Chi tiết từng tiêu chí tại Phụ lục 1 kèm theo.`;
  const notes = at.surveyMissing > 0 ? [bodyPara(`Ghi chú: còn ${at.surveyMissing} tiêu chí điều tra xã hội học chưa có điểm thẩm định.`, { italics: true })] : [];
  return [headingPara('I. KẾT QUẢ TỰ ĐÁNH GIÁ VÀ KẾT QUẢ THẨM ĐỊNH'), summaryAppraisedTable(model, appraisal), bodyPara('', { after: 0 }), bodyPara(result), ...notes];
}
