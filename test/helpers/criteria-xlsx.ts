/** Helpers for .xlsx criteria-set tests: the shipped samples as validated sets, and finding rows by code. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { validateCriteriaSetText } from '../../shared/domain/validate-criteria-set';

export const SAMPLE_FILES = ['seeds/sample-commune-2026.json', 'seeds/sample-department-2026.json'] as const;

export function loadSampleSet(file: string): CriteriaSet {
  const checked = validateCriteriaSetText(fs.readFileSync(file, 'utf8'));
  if (!checked.ok) throw new Error(`${file} is not a valid set: ${JSON.stringify(checked.issues[0])}`);
  return checked.set;
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The row number whose column A holds `code` (codes are text cells in the template). */
export function rowOfCode(sheet: ExcelJS.Worksheet, code: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(1).value === code) return r;
  }
  throw new Error(`no row with code ${code}`);
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
