/** Appendix 1: the full table of every field, criterion and sub-criterion with its maximum, self
 *  score, evidence and explanation. The header row repeats on every page; fields are bold. */
import { AlignmentType, type FileChild } from 'docx';
import { appendixHeading } from './appendix-heading';
import { evidenceLine, points, selfScoreText } from './format';
import { gridTable, headerCells, type GridCell } from './grid';
import type { ReportModel, ReportRow } from './model';
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
const C = AlignmentType.CENTER;

function evidenceCell(row: ReportRow): GridCell {
  const lines = row.evidence.map(evidenceLine);
  return { text: lines.length > 1 ? lines.map((l) => `- ${l}`) : lines };
}

export function appendixRowCells(row: ReportRow): GridCell[] {
  const bold = row.depth === 1;
  const score = selfScoreText(row);
  return [
    { text: row.code, bold, align: C },
    { text: row.title, bold },
    { text: points(row.maxMilli), bold, align: C },
    { text: score.text, bold: bold && !score.italics, italics: score.italics, align: C },
    evidenceCell(row),
    { text: row.explanation },
  ];
}

export function appendix1Table(model: ReportModel): FileChild {
  return gridTable(WIDTHS, headerCells(HEADER), { count: model.rows.length, row: (i) => appendixRowCells(model.rows[i]!) }, { size: SIZE.appendix });
}

export function appendix1(model: ReportModel): FileChild[] {
  const title = `Bảng tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${model.year}`;
  return [...appendixHeading(model, 1, title, { newPage: false }), appendix1Table(model)];
}
