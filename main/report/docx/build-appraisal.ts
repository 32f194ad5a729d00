/** The appraised side of the report variant "tự đánh giá và thẩm định": the newest round's points
 *  per criterion (read from the appraisal tables) and the appraised totals, computed as the
 *  "Kết quả thẩm định" screen computes them. */
import type Database from 'better-sqlite3';
import type { AnswerInput } from '../../../shared/domain/answer';
import { computeAppraisedTotals } from '../../../shared/domain/appraisal/appraised-totals';
import type { CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { AppFailure } from '../../../shared/api/result';
import { listPoints, listRounds } from '../../store/queries/appraisal';
import type { ReportAppraisal } from './model';

export const NO_APPRAISAL_MESSAGE =
  'Chưa nhập kết quả thẩm định cho kỳ đánh giá này nên chưa xuất được báo cáo cuối năm (tự đánh giá và thẩm định). Hãy nhập tệp thẩm định ở màn hình "Kết quả thẩm định" rồi xuất lại.';

/** Refused (CONFLICT) when no appraisal round was imported. */
export function reportAppraisal(db: Database.Database, assessmentId: number, set: CriteriaSet, answers: ReadonlyMap<string, AnswerInput>): ReportAppraisal {
  const rounds = listRounds(db, assessmentId);
  const last = rounds.at(-1);
  if (!last) throw new AppFailure('CONFLICT', NO_APPRAISAL_MESSAGE);
  const council = new Map<string, number>();
  // Oldest round first: the newest round that gave points wins.
  for (const p of listPoints(db, assessmentId)) if (p.pointsMilli !== null) council.set(p.code, p.pointsMilli);
  const totals = computeAppraisedTotals(set, answers, council);
  const rowMilli: Record<string, number | null> = { ...totals.nodeMilli };
  for (const [code, leaf] of Object.entries(totals.leaves)) rowMilli[code] = leaf.appraisedMilli;
  return { round: last.round, rowMilli, totals };
}
