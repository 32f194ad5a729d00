/**
 * Reading the "Thông tin" sheet: one labelled row per value (column A the label, B the value,
 * C the threshold of a class). Missing or wrong values are reported at their cell and replaced
 * by a placeholder so that the rest of the set can still be checked; the placeholders' keys are
 * listed so their follow-up issues are not reported twice.
 */
import { CRITERIA_SET_FORMAT, type CriteriaSet } from '../criteria-set-schema';
import { parseYesNoVi } from '../criteria-text-vi';
import { foldVi } from '../../format/search-fold';
import {
  INFO_LABELS,
  INFO_SHEET,
  LEVEL_WORDS,
  REPEATED_INFO,
  ROUNDING_WORDS,
  STATUS_WORDS,
  cellRef,
  type GridRow,
  type InfoKey,
  type SheetGrid,
} from './layout';
import { SheetReader } from './sheet-cells';

export type SetInfo = Omit<CriteriaSet, 'fields' | 'adjustments'>;

export interface AdjustmentCodes {
  adjustments?: string;
  bonus?: string;
  penalty?: string;
  countInPercent: boolean;
}

export interface InfoRead {
  info: SetInfo;
  codes: AdjustmentCodes;
  /** Where each value sits: `id` → `Thông tin!B3`, `classes[1].minPercent` → `Thông tin!C15`. */
  cells: Map<string, string>;
  /** JSON paths whose value is a placeholder (its problem is already reported). */
  placeholders: Set<string>;
  reader: SheetReader;
}

const VALUE = 1;
const THRESHOLD = 2;

function lookupWord<K extends string>(words: Record<K, string>, text: string | undefined): K | undefined {
  if (text === undefined) return undefined;
  return (Object.keys(words) as K[]).find((key) => foldVi(words[key]) === foldVi(text));
}

const quoted = (words: Record<string, string>): string =>
  Object.values(words)
    .map((word) => `"${word}"`)
    .join(', ');

function labelKey(text: string): InfoKey | undefined {
  return (Object.keys(INFO_LABELS) as InfoKey[]).find((key) => foldVi(INFO_LABELS[key]) === foldVi(text));
}

export function readInfoSheet(grid: SheetGrid | undefined): InfoRead {
  const reader = new SheetReader(INFO_SHEET);
  const rowsByKey = new Map<InfoKey, GridRow[]>();
  for (const gridRow of (grid?.rows ?? []).slice(1)) {
    const label = reader.text(gridRow.cells, 0, gridRow.row);
    if (label === undefined) continue;
    const key = labelKey(label);
    if (!key) {
      reader.report(0, gridRow.row, `Không hiểu thông tin "${label.trim()}"; các dòng hợp lệ: ${Object.values(INFO_LABELS).map((l) => `"${l}"`).join(', ')}.`);
      continue;
    }
    const rows = rowsByKey.get(key) ?? [];
    if (rows.length > 0 && !REPEATED_INFO.includes(key)) {
      reader.report(0, gridRow.row, `Dòng "${INFO_LABELS[key]}" bị lặp lại (đã có ở dòng ${rows[0]!.row}).`);
      continue;
    }
    rows.push(gridRow);
    rowsByKey.set(key, rows);
  }
  return new InfoSheetRead(reader, rowsByKey).result();
}

class InfoSheetRead {
  private readonly cells = new Map<string, string>();
  private readonly placeholders = new Set<string>();

  constructor(
    private readonly reader: SheetReader,
    private readonly rowsByKey: Map<InfoKey, GridRow[]>,
  ) {}

  result(): InfoRead {
    const format = this.optionalText('format', 'format');
    if (format !== undefined && format.trim() !== CRITERIA_SET_FORMAT) {
      this.problem('format', 'format', `Định dạng "${format.trim()}" không được hỗ trợ; ứng dụng đọc "${CRITERIA_SET_FORMAT}".`);
    }
    const info: SetInfo = {
      format: CRITERIA_SET_FORMAT,
      id: this.requiredText('id', 'id') ?? 'chua-co-ma',
      title: this.requiredText('title', 'title') ?? '(chưa có tên)',
      level: this.word('level', 'level', LEVEL_WORDS) ?? 'commune',
      year: this.integer('year', 'year') ?? 2000,
      issuer: this.requiredText('issuer', 'issuer') ?? '(chưa có)',
      legalBasis: this.legalBasis(),
      status: this.word('status', 'status', STATUS_WORDS) ?? 'draft',
      rounding: {
        decimals: this.integer('decimals', 'rounding.decimals') ?? 2,
        mode: this.word('mode', 'rounding.mode', ROUNDING_WORDS) ?? 'half-up',
      },
      classes: this.classes(),
      totalMaxPoints: this.number('totalMaxPoints', 'totalMaxPoints') ?? 0,
    };
    const countInPercent = this.optionalText('countInPercent', 'adjustments.countInPercent');
    const yesNo = countInPercent === undefined ? undefined : parseYesNoVi(countInPercent);
    if (yesNo && !yesNo.ok) this.problem('countInPercent', 'adjustments.countInPercent', yesNo.message);
    const codes: AdjustmentCodes = {
      adjustments: this.optionalText('adjustmentsCode', 'adjustments.code')?.trim(),
      bonus: this.optionalText('bonusCode', 'adjustments.bonus.code')?.trim(),
      penalty: this.optionalText('penaltyCode', 'adjustments.penalty.code')?.trim(),
      countInPercent: yesNo?.ok ? yesNo.value : true,
    };
    return { info, codes, cells: this.cells, placeholders: this.placeholders, reader: this.reader };
  }

  private row(key: InfoKey, path: string): GridRow | undefined {
    const row = this.rowsByKey.get(key)?.[0];
    if (row) this.cells.set(path, cellRef(INFO_SHEET, VALUE, row.row));
    return row;
  }

  private problem(key: InfoKey, path: string, message: string): void {
    const row = this.rowsByKey.get(key)?.[0];
    this.placeholders.add(path);
    if (row) this.reader.report(VALUE, row.row, message);
    else this.reader.problems.push({ cell: INFO_SHEET, message });
  }

  private optionalText(key: InfoKey, path: string): string | undefined {
    const row = this.row(key, path);
    return row ? this.reader.text(row.cells, VALUE, row.row) : undefined;
  }

  private requiredText(key: InfoKey, path: string): string | undefined {
    const row = this.row(key, path);
    const text = row ? this.reader.text(row.cells, VALUE, row.row) : undefined;
    if (text === undefined) this.problem(key, path, `Thiếu "${INFO_LABELS[key]}" (cột B của dòng "${INFO_LABELS[key]}").`);
    return text?.trim();
  }

  private word<K extends string>(key: InfoKey, path: string, words: Record<K, string>): K | undefined {
    const text = this.requiredText(key, path);
    if (text === undefined) return undefined;
    const found = lookupWord(words, text);
    if (!found) this.problem(key, path, `"${INFO_LABELS[key]}" phải là một trong: ${quoted(words)} (đang ghi "${text}").`);
    return found;
  }

  private number(key: InfoKey, path: string): number | undefined {
    const row = this.row(key, path);
    if (!row) {
      this.problem(key, path, `Thiếu dòng "${INFO_LABELS[key]}".`);
      return undefined;
    }
    const value = this.reader.number(row.cells, VALUE, row.row, `"${INFO_LABELS[key]}"`);
    if (value === undefined) this.placeholders.add(path);
    return value;
  }

  private integer(key: InfoKey, path: string): number | undefined {
    const value = this.number(key, path);
    if (value !== undefined && !Number.isInteger(value)) {
      this.problem(key, path, `"${INFO_LABELS[key]}" phải là số nguyên.`);
      return undefined;
    }
    return value;
  }

  private legalBasis(): string[] {
    const rows = this.rowsByKey.get('legalBasis') ?? [];
    return rows.flatMap((row, i) => {
      this.cells.set(`legalBasis[${i}]`, cellRef(INFO_SHEET, VALUE, row.row));
      const text = this.reader.text(row.cells, VALUE, row.row);
      if (text === undefined) this.reader.report(VALUE, row.row, 'Dòng "Căn cứ pháp lý" chưa ghi văn bản; hãy ghi hoặc xóa dòng.');
      return text === undefined ? [] : [text.trim()];
    });
  }

  private classes(): SetInfo['classes'] {
    const rows = this.rowsByKey.get('classes') ?? [];
    if (rows.length === 0) {
      this.problem('classes', 'classes', 'Thiếu các dòng "Xếp loại" (cột B: tên xếp loại, cột C: từ tỷ lệ %), ví dụ "Xuất sắc" từ 90.');
      return [{ name: '(chưa có)', minPercent: 0 }];
    }
    return rows.map((row, i) => {
      this.cells.set(`classes[${i}].name`, cellRef(INFO_SHEET, VALUE, row.row));
      this.cells.set(`classes[${i}].minPercent`, cellRef(INFO_SHEET, THRESHOLD, row.row));
      if (i === 0) this.cells.set('classes', cellRef(INFO_SHEET, 0, row.row));
      const name = this.reader.text(row.cells, VALUE, row.row);
      if (name === undefined) this.reader.report(VALUE, row.row, 'Thiếu tên xếp loại.');
      const minPercent = this.reader.number(row.cells, THRESHOLD, row.row, 'tỷ lệ tối thiểu (%) của xếp loại');
      return { name: name?.trim() ?? '(chưa có)', minPercent: minPercent ?? 0 };
    });
  }
}
