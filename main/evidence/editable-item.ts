/**
 * The checks every change to an evidence item goes through (a file added by upload or by the
 * desktop picker, an edit, a file removed): the officer works in an assessment that is not locked,
 * the item belongs to that assessment's agency, and the item backs no locked assessment — items
 * are reused across years, and a locked (final) assessment's evidence never changes, not even from
 * next year's draft. Linking and unlinking in the draft stay allowed: they change only the draft.
 */
import type Database from 'better-sqlite3';
import { isReadOnlyStatus } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { requireAssessment } from '../assessment/assessment-view';
import { assessmentsAddingDocument } from '../store/queries/appraisal';
import { itemAgencyId, lockedYearsBackedBy } from '../store/queries/evidence';
import { itemNotFound } from './import-failures';

export const LOCKED_EVIDENCE_MESSAGE = 'Kỳ đánh giá đã khóa, không sửa được tài liệu kiểm chứng.';

/** The assessment, refused once it is locked or any later status (submitted, appraised, closed). */
export function requireUnlockedAssessment(db: Database.Database, assessmentId: number) {
  const assessment = requireAssessment(db, assessmentId);
  if (isReadOnlyStatus(assessment.status)) throw new AppFailure('CONFLICT', LOCKED_EVIDENCE_MESSAGE);
  return assessment;
}

/** The item backs no locked assessment (its documents and files are frozen as submitted). */
export function requireItemNotFrozen(db: Database.Database, itemId: number): void {
  const years = lockedYearsBackedBy(db, itemId);
  if (years.length === 0) return;
  throw new AppFailure(
    'CONFLICT',
    `Tài liệu này là minh chứng của kỳ đánh giá năm ${years.join(', ')} đã khóa nên không sửa được; hãy thêm tài liệu mới cho năm nay.`,
  );
}

/** A document added as an answer to the appraisal of this (submitted or appraised) assessment: it
 *  backs no self score, so its files may still be added (main/appraisal/respond.ts). */
function isAnswerDocument(db: Database.Database, assessment: { id: number; status: string }, itemId: number): boolean {
  return (assessment.status === 'submitted' || assessment.status === 'appraised') && assessmentsAddingDocument(db, itemId).includes(assessment.id);
}

/** `itemId` may change from `assessmentId` (files added, details edited, a file removed).
 *  Synchronous: callers run it before their first await, and again inside the commit. */
export function requireEditableItem(db: Database.Database, assessmentId: number, itemId: number): void {
  const assessment = requireAssessment(db, assessmentId);
  if (isReadOnlyStatus(assessment.status) && !isAnswerDocument(db, assessment, itemId)) throw new AppFailure('CONFLICT', LOCKED_EVIDENCE_MESSAGE);
  if (itemAgencyId(db, itemId) !== assessment.agencyId) throw itemNotFound();
  requireItemNotFrozen(db, itemId);
}
