/** Texts of the report's cells: points with a decimal comma, states, evidence lines, file sizes. */
import { formatDateVi } from '../../../shared/format/dates';
import { formatPercentVi, formatPointsVi } from '../../../shared/format/numbers';
import { percentOf, type RoundingMode } from '../../../shared/domain/points';
import type { Totals } from '../../../shared/domain/scoring-types';
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

/** The class as the screen shows it: final only once every self-scored leaf is answered, labelled
 *  "tạm tính" before that, none before anything is scored (the totals bar says the same). */
export function classCellText(t: Totals): string {
  if (t.answeredCount === 0) return 'Chưa xếp loại (chưa chấm tiêu chí nào)';
  return t.unansweredCount > 0 ? `${t.className} (tạm tính)` : t.className;
}

/** "xếp loại Khá", "xếp loại tạm tính Khá (còn 3 tiêu chí chưa chấm)" or "chưa xếp loại …", for the result sentence. */
export function classSentence(t: Totals): string {
  if (t.answeredCount === 0) return 'chưa xếp loại vì chưa chấm tiêu chí nào';
  return t.unansweredCount > 0 ? `xếp loại tạm tính ${t.className} (còn ${t.unansweredCount} tiêu chí chưa chấm)` : `xếp loại ${t.className}`;
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
