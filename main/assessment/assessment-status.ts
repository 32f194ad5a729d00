/** Locking a finished assessment (status 'final') and unlocking it. Locking asks for the same
 *  completeness as a final report; unlocking is always allowed. Once final, answers and evidence
 *  are refused by save-answer.ts and evidence/editable-item.ts. */
import type Database from 'better-sqlite3';
import type { AssessmentStatus, AssessmentSummary } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { missingLines } from './missing-lines';
import { getAssessment, setAssessmentStatus } from '../store/queries/assessments';
import { currentTotals, requireAssessment } from './assessment-view';

export function lockRefusedMessage(missing: string[]): string {
  return `Chưa khóa được kỳ đánh giá vì còn thiếu. ${missing.join(' ')} Hãy hoàn thành rồi khóa lại.`;
}

/** One transaction: the completeness check and the status change see the same answers. */
export function changeAssessmentStatus(db: Database.Database, assessmentId: number, status: AssessmentStatus, now: string): AssessmentSummary {
  return db.transaction(() => {
    const assessment = requireAssessment(db, assessmentId);
    if (assessment.status === status) return assessment;
    if (status === 'final') {
      const totals = currentTotals(db, assessmentId);
      const missing = missingLines({ unansweredCodes: totals.unansweredCodes, needsExplanationCodes: totals.needsExplanationCodes });
      if (missing.length > 0) throw new AppFailure('CONFLICT', lockRefusedMessage(missing));
    }
    setAssessmentStatus(db, assessmentId, status, now);
    return getAssessment(db, assessmentId)!;
  })();
}
