/** Locking a finished assessment (status 'final') and unlocking it. Locking asks for the same
 *  completeness as a final report; unlocking is always allowed. Once final, answers and evidence
 *  are refused by save-answer.ts and evidence/editable-item.ts. */
import type Database from 'better-sqlite3';
import type { AssessmentStatus, AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { missingLines } from './missing-lines';
import { getAssessment, setAssessmentStatus } from '../store/queries/assessments';
import { currentTotals, requireAssessment } from './assessment-view';
import { oneAtATime } from '../backup/one-at-a-time';
import { createBackup } from '../evidence/backup';

export function lockRefusedMessage(missing: string[]): string {
  return `Chưa khóa được kỳ đánh giá vì còn thiếu. ${missing.join(' ')} Hãy hoàn thành rồi khóa lại.`;
}

/** The assessment when the change is allowed; throws NOT_FOUND, or CONFLICT naming what a lock still needs. */
function allowedChange(db: Database.Database, assessmentId: number, status: AssessmentStatus): AssessmentSummary {
  const assessment = requireAssessment(db, assessmentId);
  if (assessment.status !== status && status === 'final') {
    const totals = currentTotals(db, assessmentId);
    const missing = missingLines({ unansweredCodes: totals.unansweredCodes, needsExplanationCodes: totals.needsExplanationCodes });
    if (missing.length > 0) throw new AppFailure('CONFLICT', lockRefusedMessage(missing));
  }
  return assessment;
}

/** One transaction: the completeness check and the status change see the same answers. */
export function changeAssessmentStatus(db: Database.Database, assessmentId: number, status: AssessmentStatus, now: string): AssessmentSummary {
  return db.transaction(() => {
    if (allowedChange(db, assessmentId, status).status === status) return getAssessment(db, assessmentId)!;
    setAssessmentStatus(db, assessmentId, status, now);
    return getAssessment(db, assessmentId)!;
  })();
}

/** Locking or unlocking from the screens: when the change is allowed and changes something, a
 *  verified backup is taken first (reason "before-status"), then the change in its transaction. */
export async function changeStatusWithBackup(db: Database.Database, dataDir: string, assessmentId: number, status: AssessmentStatus, now: () => string): Promise<AssessmentSummary> {
  const assessment = allowedChange(db, assessmentId, status);
  if (assessment.status === status) return assessment;
  await oneAtATime(dataDir, () => createBackup(db, dataDir, now(), { reason: 'before-status' }));
  return changeAssessmentStatus(db, assessmentId, status, now());
}
