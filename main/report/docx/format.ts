/** Texts of the report's cells: points with a decimal comma, states, evidence lines, file sizes. */
import { formatDateVi } from '../../../shared/format/dates';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import { percentOf, type RoundingMode } from '../../../shared/domain/points';
import type { ReportEvidence, ReportRow } from './model';

export const SURVEY_TEXT = 'Điều tra XHH';
export const NOT_APPLICABLE_TEXT = 'Không áp dụng';
export const UNANSWERED_TEXT = 'Chưa chấm';

export const points = (milli: number): string => formatPointsVi(milli);

/** "81,33" for points ÷ max, or "—" when nothing is applicable. */
export function percentText(pointsMilli: number, maxMilli: number, mode: RoundingMode): string {
  return maxMilli > 0 ? formatPercentVi(percentOf(pointsMilli, maxMilli, 2, mode)) : '—';
}

/** The self-score cell of a row: points, or why there are none. */
export function selfScoreText(row: ReportRow): { text: string; italics: boolean } {
  if (row.survey) return { text: SURVEY_TEXT, italics: true };
  if (row.notApplicable) return { text: NOT_APPLICABLE_TEXT, italics: true };
  if (row.pointsMilli === null) return { text: UNANSWERED_TEXT, italics: true };
  return { text: points(row.pointsMilli), italics: false };
}

/** "Số 12/KH-SNV ngày 05/01/2026: Kế hoạch cải cách hành chính năm 2026". */
export function evidenceLine(e: ReportEvidence): string {
  const head = [e.docNumber.trim() ? `Số ${e.docNumber.trim()}` : '', e.issuedOn ? `ngày ${formatDateVi(e.issuedOn)}` : ''].filter(Boolean).join(' ');
  const summary = e.summary.trim();
  if (head && summary) return `${head}: ${summary}`;
  return head || summary || '(tài liệu chưa ghi số, ngày, trích yếu)';
}


/** An evidence document lacks something when it has no file. */
export const evidenceIncomplete = (row: ReportRow): boolean => row.evidence.length === 0 || row.evidence.some((e) => e.files.length === 0);
