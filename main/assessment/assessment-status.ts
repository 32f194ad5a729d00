/** Locking a finished assessment (status 'final') and unlocking it. Locking asks for the same
 *  completeness as a final report; unlocking is allowed from locked only and needs a reason (kept
 *  in the history). Once locked (or any later status), answers and evidence are refused by
 *  save-answer.ts and evidence/editable-item.ts. */
import type Database from 'better-sqlite3';
import type { AssessmentStatus, AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { transitionOf } from '../../shared/domain/assessment-status';
import { missingLines } from './missing-lines';
import { getAssessment } from '../store/queries/assessments';
import { currentTotals, requireAssessment } from './assessment-view';
import { oneAtATime } from '../backup/one-at-a-time';
import { createBackup } from '../evidence/backup';
import { moveStatus, REASON_REQUIRED } from '../lifecycle/move-status';

export function lockRefusedMessage(missing: string[]): string {
  return `Chưa khóa được kỳ đánh giá vì còn thiếu. ${missing.join(' ')} Hãy hoàn thành rồi khóa lại.`;
}

/** The assessment when the change is allowed; throws NOT_FOUND, CONFLICT (a move the cycle does not
 *  allow, or what a lock still needs) or INVALID_INPUT (unlocking without a reason). */
function allowedChange(db: Database.Database, assessmentId: number, status: AssessmentStatus, reason: string | undefined): AssessmentSummary {
  const assessment = requireAssessment(db, assessmentId);
  if (assessment.status === status) return assessment;
  const t = transitionOf(assessment.status, status);
  if (t.kind === 'refused') throw new AppFailure('CONFLICT', t.message);
  if (t.kind === 'back' && !reason?.trim()) throw new AppFailure('INVALID_INPUT', REASON_REQUIRED, { path: 'reason' });
  if (status === 'final') {
    const totals = currentTotals(db, assessmentId);
    const missing = missingLines({ unansweredCodes: totals.unansweredCodes, needsExplanationCodes: totals.needsExplanationCodes });
    if (missing.length > 0) throw new AppFailure('CONFLICT', lockRefusedMessage(missing));
  }
  return assessment;
}

/** One transaction: the completeness check, the status change and its history row see the same answers. */
export function changeAssessmentStatus(db: Database.Database, assessmentId: number, status: 'draft' | 'final', now: string, reason?: string): AssessmentSummary {
  return db.transaction(() => {
    if (allowedChange(db, assessmentId, status, reason).status === status) return getAssessment(db, assessmentId)!;
    return moveStatus(db, assessmentId, { to: status, reason }, now);
  })();
}

/** Locking or unlocking from the screens: when the change is allowed and changes something, a
 *  verified backup is taken first (reason "before-status"), then the change in its transaction. */
export async function changeStatusWithBackup(db: Database.Database, dataDir: string, assessmentId: number, status: 'draft' | 'final', now: () => string, reason?: string): Promise<AssessmentSummary> {
  const assessment = allowedChange(db, assessmentId, status, reason);
  if (assessment.status === status) return assessment;
  await oneAtATime(dataDir, () => createBackup(db, dataDir, now(), { reason: 'before-status' }));
  return changeAssessmentStatus(db, assessmentId, status, now(), reason);
}
