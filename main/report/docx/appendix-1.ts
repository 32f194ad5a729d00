/** Appendix 1: the full table of every field, criterion and sub-criterion with its maximum, self
 *  score, evidence and explanation. The header row repeats on every page; fields are bold. */
import { AlignmentType, type FileChild } from 'docx';
import { appendixHeading } from './appendix-heading';
import { APPRAISED_HEADING, appraisedCells, DIFFERENCE_HEADING } from './appraised-cells';
import { evidenceLine, points, selfScoreText } from './format';
import { gridTable, headerCells, type GridCell } from './grid';
import type { ReportAppraisal, ReportModel, ReportRow } from './model';
import { LANDSCAPE_TEXT_WIDTH, SIZE } from './page-setup';

const FIXED = [900, 4300, 1000, 1150, 3900];
const WIDTHS = [...FIXED, LANDSCAPE_TEXT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];
const HEADER = [
  'STT',
  'Lĩnh vực/tiêu chí/tiêu chí thành phần',
  'Điểm tối đa',
  'Điểm tự đánh giá',
  'Tài liệu kiểm chứng (số/ký hiệu, ngày, trích yếu)',
  'Giải trình',
];
/** The variant "tự đánh giá và thẩm định": the appraised score and the difference after the self score. */
const FIXED_APPRAISED = [800, 3800, 900, 1050, 1050, 950, 3300];
const WIDTHS_APPRAISED = [...FIXED_APPRAISED, LANDSCAPE_TEXT_WIDTH - FIXED_APPRAISED.reduce((a, b) => a + b, 0)];
const HEADER_APPRAISED = [...HEADER.slice(0, 4), APPRAISED_HEADING, DIFFERENCE_HEADING, ...HEADER.slice(4)];
const C = AlignmentType.CENTER;

function evidenceCell(row: ReportRow): GridCell {
  const lines = row.evidence.map(evidenceLine);
  return { text: lines.length > 1 ? lines.map((l) => `- ${l}`) : lines };
}

export function appendixRowCells(row: ReportRow, appraisal?: ReportAppraisal): GridCell[] {
  const bold = row.depth === 1;
  const score = selfScoreText(row);
  return [
    { text: row.code, bold, align: C },
    { text: row.title, bold },
    { text: points(row.maxMilli), bold, align: C },
    { text: score.text, bold: bold && !score.italics, italics: score.italics, align: C },
    ...(appraisal ? appraisedCells(row, appraisal, bold) : []),
    evidenceCell(row),
    { text: row.explanation },
  ];
}

export function appendix1Table(model: ReportModel): FileChild {
  const a = model.appraisal;
  const [widths, header] = a ? [WIDTHS_APPRAISED, HEADER_APPRAISED] : [WIDTHS, HEADER];
  return gridTable(widths, headerCells(header), { count: model.rows.length, row: (i) => appendixRowCells(model.rows[i]!, a) }, { size: SIZE.appendix });
}

export function appendix1(model: ReportModel): FileChild[] {
  const what = model.appraisal ? 'Bảng tự đánh giá, chấm điểm và kết quả thẩm định' : 'Bảng tự đánh giá, chấm điểm';
  const title = `${what} Chỉ số cải cách hành chính năm ${model.year}`;
  return [...appendixHeading(model, 1, title, { newPage: false }), appendix1Table(model)];
}
