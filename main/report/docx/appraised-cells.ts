/** The cells of the variant "tự đánh giá và thẩm định": appraised points and the difference. */
import { AlignmentType } from 'docx';
import { signedPointsVi } from '../../../shared/format/numbers';
import { NOT_APPLICABLE_TEXT, points, SURVEY_TEXT } from './format';
import type { GridCell } from './grid';
import type { ReportAppraisal, ReportRow } from './model';

export const SELF_HEADING = 'Điểm tự đánh giá';
export const APPRAISED_HEADING = 'Điểm thẩm định';
export const DIFFERENCE_HEADING = 'Chênh lệch';

/** "+0,5" / "-0,25" where both exist and differ, else empty (as the "Kết quả thẩm định" screen). */
export function differenceText(selfMilli: number | null, appraisedMilli: number | null): string {
  if (appraisedMilli === null || selfMilli === null || appraisedMilli === selfMilli) return '';
  const d = appraisedMilli - selfMilli;
  return signedPointsVi(d > 0 ? '+' : '-', Math.abs(d));
}

/** The appraised score of a row and the difference from its self score. */
export function appraisedCells(row: ReportRow, appraisal: ReportAppraisal, bold: boolean): GridCell[] {
  const milli = appraisal.rowMilli[row.code] ?? null;
  const C = AlignmentType.CENTER;
  if (milli === null) return [{ text: row.survey ? SURVEY_TEXT : NOT_APPLICABLE_TEXT, italics: true, align: C }, { text: '', align: C }];
  const self = row.survey || row.notApplicable ? null : row.pointsMilli;
  return [
    { text: points(milli), bold, align: C },
    { text: differenceText(self, milli), bold, align: C },
  ];
}
