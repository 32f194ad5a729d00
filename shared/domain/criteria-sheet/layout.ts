/**
 * The spreadsheet template of a criteria set ("Bộ chỉ số" as an .xlsx): sheet names, the node
 * columns in order with their titles, the labels of the "Thông tin" sheet and the Vietnamese
 * words for the set's enumerations. A sheet here is a plain grid of cell values: the .xlsx
 * reader/writer in main/ turns it into a workbook and back.
 */
import type { CriteriaSet } from '../criteria-set-schema';
import { RULE_COLUMN_TITLES, type CellValue, type RuleColumn } from '../rule-cells';

export const NODES_SHEET = 'Bộ chỉ số';
export const INFO_SHEET = 'Thông tin';

/** A cell the .xlsx reader refused (a formula, a date, a merged range…), with the Vietnamese reason. */
export interface CellFlaw {
  flaw: string;
}

export type GridCell = CellValue | CellFlaw;

/** One row of a sheet: its 1-based number and its cells from column A on. */
export interface GridRow {
  row: number;
  cells: GridCell[];
}

export interface SheetGrid {
  name: string;
  /** Rows in order, the header (row 1) included; empty rows in between are present with no cells. */
  rows: GridRow[];
}

/** A problem found in the file: where (`Bộ chỉ số!E12`, or a sheet name, or '' for the file) and what. */
export interface SheetProblem {
  cell: string;
  message: string;
}

export type NodeColumn = 'code' | 'title' | 'maxPoints' | 'guidance' | 'evidenceHint' | RuleColumn | 'notApplicable';

/** The columns of the node sheet, in the template's order. */
export const NODE_COLUMNS: readonly NodeColumn[] = [
  'code',
  'title',
  'maxPoints',
  'guidance',
  'evidenceHint',
  'ruleWord',
  'step',
  'levels',
  'numeratorLabel',
  'denominatorLabel',
  'tiers',
  'noCases',
  'occurrenceLabel',
  'perOccurrence',
  'minPoints',
  'notApplicable',
  'levelIds',
];

export const NODE_COLUMN_TITLES: Record<NodeColumn, string> = {
  code: 'STT',
  title: 'Lĩnh vực/Tiêu chí/Tiêu chí thành phần',
  maxPoints: 'Điểm tối đa',
  guidance: 'Hướng dẫn chấm điểm',
  evidenceHint: 'Tài liệu kiểm chứng',
  ...RULE_COLUMN_TITLES,
  notApplicable: 'Được đánh dấu không áp dụng',
};

/** Columns that are required in the header row; the others may be left out of a file. */
export const REQUIRED_NODE_COLUMNS: readonly NodeColumn[] = ['code', 'title', 'maxPoints'];

/** Columns whose cells are numbers (written as numeric cells, read from numbers or "1,5"). */
export const NUMBER_COLUMNS: readonly NodeColumn[] = ['maxPoints', 'step', 'perOccurrence', 'minPoints'];

/** Column letter(s) of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellRef(sheet: string, columnIndex: number, row: number): string {
  return `${sheet}!${columnLetter(columnIndex)}${row}`;
}

/** Labels in column A of the "Thông tin" sheet. */
export const INFO_LABELS = {
  format: 'Định dạng',
  id: 'Mã bộ chỉ số',
  title: 'Tên bộ chỉ số',
  level: 'Cấp',
  year: 'Năm',
  issuer: 'Cơ quan ban hành',
  legalBasis: 'Căn cứ pháp lý',
  status: 'Trạng thái',
  decimals: 'Số chữ số thập phân khi làm tròn',
  mode: 'Cách làm tròn',
  totalMaxPoints: 'Tổng điểm tối đa',
  classes: 'Xếp loại',
  adjustmentsCode: 'Mã mục điểm thưởng, điểm trừ',
  bonusCode: 'Mã phần điểm thưởng',
  penaltyCode: 'Mã phần điểm trừ',
  countInPercent: 'Điểm thưởng, điểm trừ tính vào tỷ lệ %',
} as const;
export type InfoKey = keyof typeof INFO_LABELS;

/** Labels that may appear on several rows (one legal document, one class per row). */
export const REPEATED_INFO: readonly InfoKey[] = ['legalBasis', 'classes'];

export const INFO_HEADER = ['Thông tin', 'Giá trị', 'Từ tỷ lệ (%)'] as const;

export const LEVEL_WORDS: Record<CriteriaSet['level'], string> = { department: 'Sở, ban, ngành', commune: 'Xã, phường' };
export const STATUS_WORDS: Record<CriteriaSet['status'], string> = { official: 'Chính thức', draft: 'Dự thảo', sample: 'Mẫu' };
export const ROUNDING_WORDS: Record<CriteriaSet['rounding']['mode'], string> = {
  'half-up': 'Làm tròn nửa lên',
  'half-even': 'Làm tròn nửa chẵn',
  down: 'Cắt bỏ phần lẻ',
};
