/** One status change of an assessment with its history row, in the caller's transaction (or its
 *  own): the move is checked (shared/domain/assessment-status.ts), going back needs a reason. */
import type Database from 'better-sqlite3';
import type { AssessmentStatus, AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { transitionOf } from '../../shared/domain/assessment-status';
import { requireAssessment } from '../assessment/assessment-view';
import { recordChange } from '../history/record';
import { getAssessment, setAssessmentStatus } from '../store/queries/assessments';

export const REASON_REQUIRED = 'Hãy ghi lý do khi đưa kỳ đánh giá về bước trước; lý do được lưu trong lịch sử thay đổi.';

export interface StatusMove {
  to: AssessmentStatus;
  reason?: string | undefined;
  /** What the step brought (the submission's number, the appraisal round, the published result). */
  details?: Record<string, unknown>;
}

/** Throws CONFLICT for a move the cycle does not allow, INVALID_INPUT for a step back without a reason. */
export function moveStatus(db: Database.Database, assessmentId: number, move: StatusMove, now: string): AssessmentSummary {
  return db.transaction(() => {
    const from = requireAssessment(db, assessmentId).status;
    const t = transitionOf(from, move.to);
    if (t.kind === 'refused') throw new AppFailure('CONFLICT', t.message);
    const reason = move.reason?.trim() ?? '';
    if (t.kind === 'back' && reason === '') throw new AppFailure('INVALID_INPUT', REASON_REQUIRED, { path: 'reason' });
    setAssessmentStatus(db, assessmentId, move.to, now);
    recordChange(db, { assessmentId, kind: 'status', action: move.to, before: { status: from }, after: { status: move.to, ...move.details }, reason }, now);
    return getAssessment(db, assessmentId)!;
  })();
}
