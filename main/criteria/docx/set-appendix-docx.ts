/**
 * Publishing a criteria set as the appendix table a Sở Nội vụ attaches to its decision: landscape
 * A4 in the layout of Nghị định 30/2020 (Times New Roman, the report's margins and page numbers),
 * "Phụ lục", the set's title in capitals, the reference line, then one bordered table row per node
 * (STT, name, maximum, how it is scored, evidence) with the header row repeated on every page,
 * fields in bold, content 9 with its bonus and penalty parts, and the total. Reuses the report's
 * docx helpers (grid table, page setup, styles).
 */
import { AlignmentType, Document } from 'docx';
import type { CriteriaNode, CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { leafRuleSummaryVi } from '../../../shared/domain/scoring';
import { formatDecimalVi } from '../../../shared/format/numbers';
import { gridTable, headerCells, type GridCell, type GridTable } from '../../report/docx/grid';
import { packWithStreamedTables } from '../../report/docx/streamed-docx';
import { LANDSCAPE_TEXT_WIDTH, SIZE, landscapeSection } from '../../report/docx/page-setup';
import { reportStyles } from '../../report/docx/styles';
import { centered, upperVi } from '../../report/docx/text';

const FIXED = [850, 4600, 950, 5000];
const WIDTHS = [...FIXED, LANDSCAPE_TEXT_WIDTH - FIXED.reduce((a, b) => a + b, 0)];
const HEADER = ['STT', 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần', 'Điểm tối đa', 'Hướng dẫn chấm điểm', 'Tài liệu kiểm chứng'];
const C = AlignmentType.CENTER;

function guidanceLines(node: CriteriaNode): string[] {
  const lines = node.guidance ? [node.guidance] : [];
  if (!node.children) lines.push(`Cách chấm: ${leafRuleSummaryVi(node)}.`);
  return lines;
}

function nodeRows(nodes: readonly CriteriaNode[], depth: number): GridCell[][] {
  return nodes.flatMap((node) => {
    const bold = depth === 1;
    const row: GridCell[] = [
      { text: node.code, bold, align: C },
      { text: node.title, bold },
      { text: formatDecimalVi(node.maxPoints), bold, align: C },
      { text: guidanceLines(node) },
      { text: node.evidenceHint ?? '' },
    ];
    return [row, ...nodeRows(node.children ?? [], depth + 1)];
  });
}

function adjustmentRows(set: CriteriaSet): GridCell[][] {
  const adjustments = set.adjustments;
  if (!adjustments) return [];
  const rows: GridCell[][] = [[{ text: adjustments.code, bold: true, align: C }, { text: adjustments.title, bold: true }, { text: '' }, { text: '' }, { text: '' }]];
  for (const part of [adjustments.bonus, adjustments.penalty]) {
    if (!part) continue;
    rows.push([{ text: part.code, bold: true, align: C }, { text: part.title, bold: true }, { text: formatDecimalVi(part.maxPoints), bold: true, align: C }, { text: 'Tối đa cả phần' }, { text: '' }]);
    rows.push(...nodeRows(part.children, 3));
  }
  return rows;
}

export function setAppendixTable(set: CriteriaSet): GridTable {
  const total: GridCell[] = [{ text: '' }, { text: 'Tổng điểm tối đa', bold: true }, { text: formatDecimalVi(set.totalMaxPoints), bold: true, align: C }, { text: '' }, { text: '' }];
  return gridTable(WIDTHS, headerCells(HEADER), [...nodeRows(set.fields, 1), ...adjustmentRows(set), total], { size: SIZE.appendix });
}

/** The document and its table: a GridTable is written row by row when packed (report/docx/streamed-docx.ts). */
export function setAppendixDocument(set: CriteriaSet): { document: Document; table: GridTable } {
  const heading = [
    centered('Phụ lục', { bold: true, keepNext: true }),
    centered(upperVi(set.title), { bold: true, keepNext: true }),
    centered(`(Kèm theo Quyết định số ....../QĐ-...... ngày ...... tháng ...... năm ${set.year} của ${set.issuer})`, { italics: true, after: 240, keepNext: true }),
  ];
  const table = setAppendixTable(set);
  const document = new Document({
    creator: set.issuer,
    title: set.title,
    description: `Bộ chỉ số ${set.id}, năm ${set.year}`,
    styles: reportStyles(),
    sections: [landscapeSection([...heading, table])],
  });
  return { document, table };
}

export async function renderSetAppendixDocx(set: CriteriaSet): Promise<Buffer> {
  const { document, table } = setAppendixDocument(set);
  return packWithStreamedTables(document, [table]);
}
