/** Page 1 top: the "DỰ THẢO" mark, the two-column national header of Nghị định 30/2020 (issuing
 *  bodies and number on the left, national motto and place-date on the right), and the title. */
import { AlignmentType, BorderStyle, Paragraph, Table, TableBorders, TableCell, TableRow, WidthType } from 'docx';
import { formatDocumentDateVi } from '../../../shared/format/dates';
import { documentNumberLine } from '../../../shared/api/report-entities';
import type { ReportModel } from './model';
import { PORTRAIT_TEXT_WIDTH, SIZE } from './page-setup';
import { balancedLines, centered, layoutCell, layoutTable, lineRuns, para, run, shortRule, upperVi } from './text';

/** Left column of the national header, in twips; the right column takes the rest. */
const LEFT_WIDTH = 3900;
const RIGHT_WIDTH = PORTRAIT_TEXT_WIDTH - LEFT_WIDTH;
/** About the width of "Độc lập - Tự do - Hạnh phúc" at 13 pt bold. */
const SLOGAN_RULE = 3250;
const BODY_RULE = 1500;
const TITLE_RULE = 2000;
/** About how many characters of 14 pt bold fit on a line of the body. */
const TITLE_LINE_CHARS = 66;

export const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const SLOGAN = 'Độc lập - Tự do - Hạnh phúc';

export function docNumberLine(model: ReportModel): string {
  return documentNumberLine(model.settings.docNumber, model.settings.docSymbol);
}

/** About how many capitals of 13 pt fit in the left column. */
const LEFT_LINE_CHARS = 21;

function headerLines(text: string, bold: boolean): Paragraph {
  return para(lineRuns(balancedLines(upperVi(text), LEFT_LINE_CHARS), { size: SIZE.header, bold }), { align: AlignmentType.CENTER });
}

function issuingBodies(model: ReportModel): Paragraph[] {
  const superior = model.agency.superiorBody.trim();
  return [
    ...(superior ? [headerLines(superior, false)] : []),
    headerLines(model.agency.name, true),
    shortRule(BODY_RULE, LEFT_WIDTH),
  ];
}

function nationalMotto(): Paragraph[] {
  return [centered(MOTTO, { size: SIZE.motto, bold: true }), centered(SLOGAN, { size: SIZE.slogan, bold: true }), shortRule(SLOGAN_RULE, RIGHT_WIDTH)];
}

export function nationalHeader(model: ReportModel): Table {
  const placeDate = formatDocumentDateVi(model.agency.placeName, model.reportDate);
  return layoutTable(
    [LEFT_WIDTH, RIGHT_WIDTH],
    [
      [layoutCell(LEFT_WIDTH, issuingBodies(model)), layoutCell(RIGHT_WIDTH, nationalMotto())],
      [
        layoutCell(LEFT_WIDTH, [centered(docNumberLine(model), { size: SIZE.header, before: 120 })]),
        layoutCell(RIGHT_WIDTH, [centered(placeDate, { size: SIZE.header, italics: true, before: 120 })]),
      ],
    ],
  );
}

/** "DỰ THẢO" in a small box at the top right. */
export function draftMark(): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: PORTRAIT_TEXT_WIDTH - 1900, right: 0 },
    spacing: { after: 120 },
    border: { top: line, bottom: line, left: line, right: line },
    children: [run('DỰ THẢO', { bold: true })],
  });
}

export function titleBlock(model: ReportModel): Paragraph[] {
  const what = model.appraisal ? 'Kết quả cuối năm (tự đánh giá và thẩm định)' : 'Kết quả tự đánh giá, chấm điểm';
  const summary = `${what} Chỉ số cải cách hành chính năm ${model.year} của ${model.agency.ordinaryName}`;
  return [
    centered('BÁO CÁO', { bold: true, before: 360 }),
    para(lineRuns(balancedLines(summary, TITLE_LINE_CHARS), { bold: true }), { align: AlignmentType.CENTER }),
    shortRule(TITLE_RULE, PORTRAIT_TEXT_WIDTH),
    para('', { after: 120 }),
  ];
}

/** A framed box listing what is still missing (drafts only). */
export function missingBox(lines: string[]): Table {
  const border = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const children = [
    para('Báo cáo chưa hoàn chỉnh, còn thiếu:', { bold: true, size: SIZE.appendix, after: 60 }),
    ...lines.map((l) => para(`- ${l}`, { size: SIZE.appendix, after: 40, align: AlignmentType.JUSTIFIED })),
  ];
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [PORTRAIT_TEXT_WIDTH],
    borders: { ...TableBorders.NONE, top: border, bottom: border, left: border, right: border },
    margins: { left: 115, right: 115, top: 60, bottom: 60 },
    rows: [new TableRow({ children: [new TableCell({ width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA }, children })] })],
  });
}
