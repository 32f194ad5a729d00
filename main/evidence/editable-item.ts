/**
 * The check every way of adding a file to an evidence item goes through (an upload, a file picked
 * on the desktop): the officer works in an assessment that is not locked, and the item belongs to
 * that assessment's agency. A locked (final) assessment's evidence never changes.
 */
import type Database from 'better-sqlite3';
import { AppFailure } from '../../shared/api/result';
import { requireAssessment } from '../assessment/assessment-view';
import { getItem } from '../store/queries/evidence';
import { itemNotFound } from './import-failures';

export const LOCKED_EVIDENCE_MESSAGE = 'Kỳ đánh giá đã khóa, không sửa được tài liệu kiểm chứng.';

/** The assessment, refused once it is final (locked). */
export function requireUnlockedAssessment(db: Database.Database, assessmentId: number) {
  const assessment = requireAssessment(db, assessmentId);
  if (assessment.status === 'final') throw new AppFailure('CONFLICT', LOCKED_EVIDENCE_MESSAGE);
  return assessment;
}

/** Files may be added to `itemId` from `assessmentId`. Synchronous: callers run it before their first await. */
export function requireEditableItem(db: Database.Database, assessmentId: number, itemId: number): void {
  const assessment = requireUnlockedAssessment(db, assessmentId);
  if (getItem(db, itemId)?.agencyId !== assessment.agencyId) throw itemNotFound();
}
