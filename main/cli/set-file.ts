/** Reading a criteria-set file for the CLI, .json or .xlsx by its extension, with the same checks as the app. */
import fs from 'node:fs';
import path from 'node:path';
import { MAX_CRITERIA_SET_XLSX_BYTES } from '../../shared/api/channels/criteria-sets';
import { MAX_CRITERIA_SET_BYTES } from '../../shared/api/contract';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { validateCriteriaSetText, type CriteriaSetStats, type ValidationIssue } from '../../shared/domain/validate-criteria-set';
import { readCriteriaSetXlsx } from '../criteria/xlsx/read-criteria-xlsx';
import { readTextFile, UserError } from './io';

export type SetFileRead = { ok: true; set: CriteriaSet; stats: CriteriaSetStats } | { ok: false; issues: ValidationIssue[] };

export type SetFileKind = 'json' | 'xlsx';

/** The kind of a set file from its extension; anything else is a usage mistake. */
export function setFileKind(file: string): SetFileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  throw new UserError(`"${file}": chỉ đọc/ghi được bộ chỉ số dạng .json hoặc .xlsx.`);
}

function readBytesFile(file: string, maxBytes: number): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UserError(`"${file}" không phải là tệp.`);
    size = stat.size;
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`Không đọc được bộ chỉ số "${file}": tệp không tồn tại.`);
  }
  // Over the cap the file is not read at all; the container check below says so in its words.
  return size > maxBytes ? Buffer.alloc(maxBytes + 1) : fs.readFileSync(file);
}

export async function readSetFile(file: string): Promise<SetFileRead> {
  if (setFileKind(file) === 'json') return validateCriteriaSetText(readTextFile(file, MAX_CRITERIA_SET_BYTES, 'Bộ chỉ số'));
  const read = await readCriteriaSetXlsx(readBytesFile(file, MAX_CRITERIA_SET_XLSX_BYTES), path.basename(file));
  return read.ok ? read : { ok: false, issues: read.problems.map((problem) => ({ path: problem.cell, message: problem.message })) };
}

/** The set in `file`, or a UserError listing every problem (path or cell, then the message). */
export async function readValidSetFile(file: string): Promise<CriteriaSet> {
  const read = await readSetFile(file);
  if (read.ok) return read.set;
  throw new UserError(`Bộ chỉ số "${file}" không hợp lệ (${read.issues.length} lỗi):\n${issueLines(read.issues)}`);
}

export function issueLines(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  - ${issue.path || '(gốc)'}: ${issue.message}`).join('\n');
}
