/** Which appraisal rounds asked something (explain / add evidence): the response report and the
 *  response package can be made for each of them. */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import { listRounds, type PointRow } from '../store/queries/appraisal';

/** The rounds with at least one request, oldest first. */
export function roundsWithRequests(rows: readonly PointRow[]): number[] {
  return [...new Set(rows.filter((p) => p.request !== 'none').map((p) => p.round))].sort((a, b) => a - b);
}

/** The round asked for, refused in Vietnamese when the assessment has no such round or it asked nothing. */
export function requireRequestRound(db: Database.Database, assessmentId: number, rows: readonly PointRow[], round: number): number {
  const rounds = listRounds(db, assessmentId).map((r) => r.round);
  if (!rounds.includes(round)) {
    const held = rounds.length > 0 ? ` (đã nhập: vòng ${rounds.join(', ')})` : ' (chưa nhập kết quả thẩm định nào)';
    throw new AppFailure('INVALID_INPUT', `Kỳ đánh giá này không có vòng thẩm định ${round}${held}. Không có tệp nào được ghi.`);
  }
  if (!roundsWithRequests(rows).includes(round)) {
    throw new AppFailure('CONFLICT', `Vòng thẩm định ${round} không có đề nghị giải trình, bổ sung nào: không có gì để giải trình cho vòng này. Không có tệp nào được ghi.`);
  }
  return round;
}
