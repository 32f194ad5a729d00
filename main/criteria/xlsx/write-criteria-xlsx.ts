/**
 * Writing a criteria set as an .xlsx in the template's layout, readable on screen and on paper:
 * the header frozen and repeated on every printed page, text wrapped, column widths set, fields
 * in bold and titles indented by level, codes stored as text (so 1.10 stays 1.10), points as
 * numbers, landscape A4 fitted to the page width. Before writing, the sheets are read back with
 * the same reader as an import: a set that would not come back identical is refused.
 */
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { NODE_COLUMNS, NUMBER_COLUMNS, type NodeColumn, type SheetGrid } from '../../../shared/domain/criteria-sheet/layout';
import { setToSheets } from '../../../shared/domain/criteria-sheet/set-to-sheets';
import { sheetsToSet } from '../../../shared/domain/criteria-sheet/sheets-to-set';
import { AppFailure } from '../../../shared/api/result';

/** Column widths in characters, by column. */
const WIDTHS: Record<NodeColumn, number> = {
  code: 9,
  title: 48,
  maxPoints: 9,
  guidance: 40,
  evidenceHint: 30,
  ruleWord: 16,
  step: 8,
  levels: 32,
  numeratorLabel: 26,
  denominatorLabel: 26,
  tiers: 30,
  noCases: 14,
  occurrenceLabel: 26,
  perOccurrence: 8,
  minPoints: 9,
  notApplicable: 13,
  levelIds: 18,
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = 'Times New Roman';

function printSetup(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: 'Trang &P / &N' };
}

function writeGrid(sheet: ExcelJS.Worksheet, grid: SheetGrid): void {
  for (const gridRow of grid.rows) {
    const row = sheet.getRow(gridRow.row);
    gridRow.cells.forEach((value, i) => {
      if (value === undefined || typeof value === 'object') return;
      row.getCell(i + 1).value = value;
    });
  }
}

function styleHeader(sheet: ExcelJS.Worksheet): void {
  const header = sheet.getRow(1);
  header.font = { name: FONT, bold: true, size: 11 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDERS;
  });
}

function writeNodesSheet(workbook: ExcelJS.Workbook, grid: SheetGrid, depths: readonly number[]): void {
  const sheet = workbook.addWorksheet(grid.name, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = NODE_COLUMNS.map((column) => ({
    key: column,
    width: WIDTHS[column],
    style: { numFmt: column === 'code' ? '@' : NUMBER_COLUMNS.includes(column) ? 'General' : '@' },
  }));
  writeGrid(sheet, grid);
  styleHeader(sheet);
  depths.forEach((depth, i) => {
    const row = sheet.getRow(i + 2);
    row.font = { name: FONT, size: 11, bold: depth === 1 };
    row.alignment = { vertical: 'top', wrapText: true };
    NODE_COLUMNS.forEach((column, c) => {
      const cell = row.getCell(c + 1);
      cell.border = BORDERS;
      if (column === 'title') cell.alignment = { vertical: 'top', wrapText: true, indent: Math.max(0, depth - 1) };
      if (column === 'code' || NUMBER_COLUMNS.includes(column)) cell.alignment = { vertical: 'top', horizontal: 'center' };
    });
  });
  printSetup(sheet);
}

function writeInfoSheet(workbook: ExcelJS.Workbook, grid: SheetGrid): void {
  const sheet = workbook.addWorksheet(grid.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { width: 38, style: { numFmt: '@' } },
    { width: 90, style: { numFmt: '@' } },
    { width: 14, style: { numFmt: 'General' } },
  ];
  writeGrid(sheet, grid);
  styleHeader(sheet);
  for (let r = 2; r <= grid.rows.length; r++) {
    const row = sheet.getRow(r);
    row.font = { name: FONT, size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).font = { name: FONT, size: 11, bold: true };
    for (let c = 1; c <= 3; c++) row.getCell(c).border = BORDERS;
  }
  printSetup(sheet);
}

/** The .xlsx bytes of `set`; refuses (Vietnamese AppFailure) a set the template cannot hold exactly. */
export async function writeCriteriaSetXlsx(set: CriteriaSet): Promise<Buffer> {
  const sheets = setToSheets(set);
  if (!sheets.ok) throw new AppFailure('INVALID_CRITERIA_SET', `Không xuất được bộ chỉ số ra Excel: ${sheets.message}`);
  const back = sheetsToSet([sheets.value.nodes, sheets.value.info]);
  if (!back.ok || canonicalJson(back.set) !== canonicalJson(set)) {
    const detail = back.ok ? 'nội dung đọc lại khác bản gốc' : `${back.problems[0]?.cell ?? ''} ${back.problems[0]?.message ?? ''}`.trim();
    throw new AppFailure('INVALID_CRITERIA_SET', `Không xuất được bộ chỉ số ra Excel mà vẫn giữ nguyên nội dung: ${detail}.`);
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PAR Index';
  workbook.title = set.title;
  writeNodesSheet(workbook, sheets.value.nodes, sheets.value.depths);
  writeInfoSheet(workbook, sheets.value.info);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
