/** The few writes an import needs that the per-table query modules do not offer (replacing an
 *  assessment's answers and links when the officer confirmed an overwrite).
 *  No transactions in here: import-write.ts runs them inside its one transaction. */
import type Database from 'better-sqlite3';
import { prepared } from '../statements';

export function deleteAnswersOf(db: Database.Database, assessmentId: number): void {
  prepared(db, 'DELETE FROM answers WHERE assessment_id = ?').run(assessmentId);
}

export function deleteLinksOf(db: Database.Database, assessmentId: number): void {
  prepared(db, 'DELETE FROM evidence_links WHERE assessment_id = ?').run(assessmentId);
}

export function deleteReportSettingsOf(db: Database.Database, assessmentId: number): void {
  prepared(db, 'DELETE FROM report_settings WHERE assessment_id = ?').run(assessmentId);
}
