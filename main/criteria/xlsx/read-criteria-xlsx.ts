/**
 * Reading a criteria set from an .xlsx: the container checks first (size, encryption, macros,
 * zip bomb), then exceljs parses the workbook, every sheet becomes a plain grid where the cells
 * the template does not accept (formulas, dates, errors, true/false, merged ranges) are flaws
 * with a Vietnamese reason, hidden sheets are refused, and the pure reader
 * (shared/domain/criteria-sheet) builds and validates the set exactly as a JSON file is validated.
 */
import ExcelJS from 'exceljs';
import type { GridCell, GridRow, SheetGrid, SheetProblem } from '../../../shared/domain/criteria-sheet/layout';
import { sheetsToSet, type SheetsRead } from '../../../shared/domain/criteria-sheet/sheets-to-set';
import { checkXlsxContainer, XLSX_MESSAGES } from './check-xlsx-container';

const FLAWS = {
  formula: (formula: string) => `Ô có công thức (=${formula}); hãy thay bằng giá trị (Sao chép → Dán giá trị).`,
  date: 'Ô đang là ngày tháng; ở đây cần số hoặc chữ. Hãy định dạng ô là Số hoặc Văn bản rồi gõ lại (ví dụ 1,5).',
  error: (text: string) => `Ô có lỗi ${text}; hãy sửa giá trị.`,
  boolean: 'Ô là giá trị TRUE/FALSE; hãy ghi "Có" hoặc "Không".',
  merged: (range: string) => `Các ô ${range} đang được gộp (Merge); hãy bỏ gộp ô: mỗi ô của bảng chỉ ghi một giá trị.`,
} as const;

/** Plain text of a rich-text or hyperlink cell value. */
function textOf(value: ExcelJS.CellValue): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return undefined;
}

function gridCell(cell: ExcelJS.Cell): GridCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Number:
      return cell.value as number;
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return String(cell.value);
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.Hyperlink:
      return textOf(cell.value) ?? '';
    case ExcelJS.ValueType.Formula:
      return { flaw: FLAWS.formula(cell.formula ?? '') };
    case ExcelJS.ValueType.Date:
      return { flaw: FLAWS.date };
    case ExcelJS.ValueType.Boolean:
      return { flaw: FLAWS.boolean };
    case ExcelJS.ValueType.Error:
      return { flaw: FLAWS.error(cell.text) };
    default:
      return { flaw: FLAWS.error(String(cell.text)) };
  }
}

/** Merge ranges of a sheet, e.g. ['A5:C5'] (exceljs keeps them in the model). */
function mergeRanges(sheet: ExcelJS.Worksheet): string[] {
  const model = sheet.model as unknown as { merges?: string[] };
  return model.merges ?? [];
}

function sheetGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const rows: GridRow[] = [];
  const lastRow = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = 1; r <= lastRow; r++) {
    const row = sheet.getRow(r);
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = gridCell(cell);
    });
    rows.push({ row: r, cells });
  }
  for (const range of mergeRanges(sheet)) {
    const [first] = range.split(':');
    const match = /^([A-Z]+)(\d+)$/.exec(first ?? '');
    if (!match) continue;
    const column = sheet.getColumn(match[1]!).number - 1;
    const row = rows.find((candidate) => candidate.row === Number(match[2]));
    if (row) row.cells[column] = { flaw: FLAWS.merged(range) };
  }
  return { name: sheet.name, rows };
}

export type XlsxRead = SheetsRead;

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return undefined;
  }
}

/** Reads and validates the criteria set in an .xlsx file's bytes; nothing is stored here. */
export async function readCriteriaSetXlsx(bytes: Uint8Array, fileName = ''): Promise<XlsxRead> {
  const refusal = checkXlsxContainer(bytes, fileName);
  if (refusal) return { ok: false, problems: [{ cell: '', message: refusal }] };
  const workbook = await loadWorkbook(bytes);
  if (!workbook) return { ok: false, problems: [{ cell: '', message: XLSX_MESSAGES.notZip }] };
  const problems: SheetProblem[] = [];
  const grids: SheetGrid[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') {
      problems.push({ cell: sheet.name, message: `Trang tính "${sheet.name}" đang bị ẩn; hãy hiện trang (Unhide) để kiểm tra nội dung, hoặc xóa trang nếu không dùng.` });
    }
    grids.push(sheetGrid(sheet));
  });
  const read = sheetsToSet(grids);
  if (problems.length === 0) return read;
  return { ok: false, problems: [...problems, ...(read.ok ? [] : read.problems)] };
}
