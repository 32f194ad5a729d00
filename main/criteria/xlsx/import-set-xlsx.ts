/**
 * Installing a criteria set from an .xlsx in the template: read and validated like a JSON file
 * (read-criteria-xlsx.ts), then stored by the same installCriteriaSet. With any problem nothing
 * is stored, and every problem comes back with its cell (`Bộ chỉ số!E12`) as the issue's path.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../../shared/api/result';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { installCriteriaSet, type ImportSetOutcome } from '../import-set';
import { readCriteriaSetXlsx } from './read-criteria-xlsx';

export interface ImportXlsxRequest {
  bytes: Uint8Array;
  fileName: string;
  confirmNewVersion: boolean;
}

/** The set in the workbook, or an AppFailure listing every problem by cell. */
export async function parseCriteriaSetXlsxOrFail(bytes: Uint8Array, fileName: string): Promise<CriteriaSet> {
  const read = await readCriteriaSetXlsx(bytes, fileName);
  if (read.ok) return read.set;
  const first = read.problems[0];
  const where = first?.cell ? `${first.cell}: ` : '';
  const more = read.problems.length > 1 ? ` (và ${read.problems.length - 1} lỗi khác)` : '';
  throw new AppFailure('INVALID_CRITERIA_SET', `Tệp "${fileName}" chưa phải bộ chỉ số hợp lệ: ${where}${first?.message ?? ''}${more}`, {
    path: first?.cell,
    issues: read.problems.map((problem) => ({ path: problem.cell, message: problem.message })),
  });
}

export async function importCriteriaSetXlsx(db: Database.Database, req: ImportXlsxRequest, now: string): Promise<ImportSetOutcome> {
  const set = await parseCriteriaSetXlsxOrFail(req.bytes, req.fileName);
  return installCriteriaSet(db, set, req.confirmNewVersion, now);
}
