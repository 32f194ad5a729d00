/**
 * Reading a filled appraisal form (.xlsx, written by form-export.ts): the container checks of the
 * criteria-set reader first (size, encryption, macros, zip bomb), then the details block and the
 * council's four columns of each row become a `par-appraisal/v1` document, checked like a JSON
 * file. Every problem names its cell ("Ô G14: …"), in Vietnamese; nothing is kept on a refusal.
 */
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { AppFailure } from '../../shared/api/result';
import type { AppraisalRequestKind } from '../../shared/domain/appraisal/appraisal-schema';
import { checkAppraisal } from '../../shared/domain/appraisal/check-appraisal';
import { leavesOf } from '../../shared/domain/criteria-tree';
import { parseDateVi } from '../../shared/format/dates';
import { parseDecimalVi } from '../../shared/format/numbers';
import { foldVi } from '../../shared/format/search-fold';
import { requireAssessment } from '../assessment/assessment-view';
import { checkXlsxContainer } from '../criteria/xlsx/check-xlsx-container';
import { loadCriteriaSet } from '../criteria/set-cache';
import { COLUMN_LETTERS, COUNCIL_COLUMNS, FORM_HEADER, FORM_LABELS, REQUEST_WORDS } from './form-layout';
import { checkAppraisalDocument, NOTHING_CHANGED, type ReadAppraisal } from './read-appraisal-file';

type Problem = string;
const at = (row: number, col: number): string => `Ô ${COLUMN_LETTERS[col - 1]}${row}`;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((p) => p.text).join('').trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return cell.text.trim();
}

function requestOf(text: string): AppraisalRequestKind | undefined {
  const f = foldVi(text).trim();
  if (f === '' || f === 'khong') return 'none';
  if (f.startsWith(foldVi(REQUEST_WORDS.explain))) return 'explain';
  if (f.startsWith('bo sung')) return 'add-evidence';
  return undefined;
}

function detailsOf(ws: ExcelJS.Worksheet, headerRow: number, problems: Problem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let r = 1; r < headerRow; r++) {
    const label = cellText(ws.getRow(r).getCell(1));
    const key = Object.entries(FORM_LABELS).find(([, l]) => l === label)?.[0];
    if (key) out[key] = cellText(ws.getRow(r).getCell(2));
  }
  for (const [key, label] of Object.entries(FORM_LABELS)) if (!(key in out)) problems.push(`Thiếu dòng "${label}" ở đầu biểu mẫu`);
  return out;
}

export async function readAppraisalXlsx(db: Database.Database, assessmentId: number, bytes: Buffer): Promise<ReadAppraisal> {
  const container = checkXlsxContainer(bytes, 'tham-dinh.xlsx');
  if (container) throw new AppFailure('UNSUPPORTED_TYPE', `${container} ${NOTHING_CHANGED}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppFailure('UNSUPPORTED_TYPE', `Không đọc được biểu mẫu .xlsx. ${NOTHING_CHANGED}`);
  }
  const ws = wb.worksheets.find((s) => s.state === 'visible');
  if (!ws) throw new AppFailure('INVALID_INPUT', `Biểu mẫu không có trang tính nào. ${NOTHING_CHANGED}`);
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (headerRow === 0 && cellText(row.getCell(1)) === FORM_HEADER[0] && cellText(row.getCell(COUNCIL_COLUMNS.points)) === FORM_HEADER[6]) headerRow = n;
  });
  if (headerRow === 0) throw new AppFailure('INVALID_INPUT', `Không thấy dòng tiêu đề của bảng (cột A "STT", cột G "Điểm thẩm định"): hãy dùng biểu mẫu do ứng dụng xuất. ${NOTHING_CHANGED}`);

  const problems: Problem[] = [];
  const d = detailsOf(ws, headerRow, problems);
  const dateOf = (text: string, where: string): string | null => {
    const p = parseDateVi(text);
    if (!p.ok) problems.push(`${where}: ${p.message}`);
    return p.ok ? p.iso : null;
  };
  const criteria: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  const set = loadCriteriaSet(db, requireAssessment(db, assessmentId).setHash);
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const code = cellText(row.getCell(1));
    const pointsText = cellText(row.getCell(COUNCIL_COLUMNS.points));
    const comment = cellText(row.getCell(COUNCIL_COLUMNS.comment));
    const requestText = cellText(row.getCell(COUNCIL_COLUMNS.request));
    const deadlineText = cellText(row.getCell(COUNCIL_COLUMNS.deadline));
    if (!pointsText && !comment && !requestText && !deadlineText) continue;
    if (!code) {
      problems.push(`${at(r, 1)}: dòng có ý kiến thẩm định nhưng không có mã tiêu chí (STT)`);
      continue;
    }
    const entry: Record<string, unknown> = { code, comment };
    if (pointsText) {
      const p = parseDecimalVi(pointsText, { allowNegative: true });
      if (p.ok) entry.points = p.value;
      else problems.push(`${at(r, COUNCIL_COLUMNS.points)}: ${p.message}`);
    }
    const request = requestOf(requestText);
    if (request === undefined) problems.push(`${at(r, COUNCIL_COLUMNS.request)}: ghi "${REQUEST_WORDS.explain}", "${REQUEST_WORDS['add-evidence']}" hoặc để trống`);
    else entry.request = request;
    const deadline = dateOf(deadlineText, at(r, COUNCIL_COLUMNS.deadline));
    if (request && request !== 'none' && deadline === null && deadlineText === '') problems.push(`${at(r, COUNCIL_COLUMNS.deadline)}: đề nghị cần có hạn (dd/mm/yyyy)`);
    entry.deadline = request === 'none' ? null : deadline;
    criteria.push(entry);
    rowOf.push(r);
  }
  const year = Number(d.year);
  const round = Number(d.round);
  if (!Number.isInteger(round) || round < 1) problems.push(`${FORM_LABELS.round}: ghi số vòng (1, 2, …)`);
  const appraisedOn = dateOf(d.appraisedOn ?? '', FORM_LABELS.appraisedOn);
  if (problems.length > 0) throw new AppFailure('INVALID_INPUT', `Biểu mẫu thẩm định có lỗi: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (và ${problems.length - 5} lỗi khác)` : ''}. ${NOTHING_CHANGED}`);

  // Survey criteria go to the survey part; everything else is checked as the JSON format is.
  const surveyCodes = new Set(leavesOf(set).filter((v) => v.node.rule?.kind === 'survey').map((v) => v.node.code));
  const doc = {
    format: 'par-appraisal/v1',
    agency: { name: d.agency ?? '', abbreviation: d.abbreviation ?? '' },
    year,
    setHash: d.setHash ?? '',
    round,
    appraisedOn,
    council: d.council ?? '',
    criteria: criteria.filter((c) => !(surveyCodes.has(String(c.code)) && c.points !== undefined)),
    survey: criteria.filter((c) => surveyCodes.has(String(c.code)) && c.points !== undefined).map((c) => ({ code: c.code, points: c.points })),
  };
  const read = checkAppraisalDocument(doc);
  const check = checkAppraisal(set, read.file);
  if (!check.ok) {
    const cellFor = (p: string): string => {
      const m = /^(criteria|survey)\[(\d+)\]\.(\w+)/.exec(p);
      if (!m) return p;
      const list = m[1] === 'criteria' ? doc.criteria : doc.survey;
      const r = rowOf[criteria.indexOf(list[Number(m[2])] as Record<string, unknown>)] ?? 0;
      return at(r, m[3] === 'code' ? 1 : COUNCIL_COLUMNS.points);
    };
    const shown = check.problems.slice(0, 5).map((p) => `${cellFor(p.path)}: ${p.message}`);
    throw new AppFailure('INVALID_INPUT', `Biểu mẫu thẩm định có lỗi: ${shown.join('; ')}. ${NOTHING_CHANGED}`);
  }
  return read;
}
